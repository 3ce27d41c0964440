from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("councils", "0004_copy_auditentry_to_logentry")]

    operations = [migrations.DeleteModel(name="AuditEntry")]
