"""ProtocolVersion and Approval move to the protocols app: removed from this app's state only; their tables
(meetings_protocolversion, meetings_approval) stay as they are and protocols.0001 takes them over by name."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0002_add_protocol_versions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Approval"),
                migrations.DeleteModel(name="ProtocolVersion"),
            ],
            database_operations=[],
        ),
    ]
