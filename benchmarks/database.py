"""Create the PostgreSQL database named in DATABASE_URL when it is missing: `python -m benchmarks.database`."""

import os
import sys

import dj_database_url
import psycopg2
from psycopg2 import sql


def ensure_database(url):
    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        return f"{config['ENGINE']}: inget att skapa"
    connection = psycopg2.connect(
        dbname="postgres", user=config["USER"] or None, password=config["PASSWORD"] or None,
        host=config["HOST"] or None, port=config["PORT"] or None,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cursor.fetchone():
            return f"Databasen {config['NAME']} finns."
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
    connection.close()
    return f"Databasen {config['NAME']} skapad."


if __name__ == "__main__":
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("DATABASE_URL saknas.")
    print(ensure_database(url))
