"""Check that PostgreSQL and Redis answer before the suite starts, and create
the database DATABASE_URL names if it is missing (the tests use test_<name>)."""

import os
import sys
import time

import psycopg2
import redis
from psycopg2 import sql


def wait_for(what, check, seconds=20):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return check()
        except Exception as error:  # noqa: BLE001
            if time.monotonic() > deadline:
                sys.exit(f"{what} is not reachable: {error}")
            time.sleep(1)


def main():
    import dj_database_url

    db = dj_database_url.parse(os.environ["DATABASE_URL"])
    params = {"host": db["HOST"] or None, "port": db["PORT"] or None, "user": db["USER"], "password": db["PASSWORD"]}

    def postgres():
        connection = psycopg2.connect(dbname="postgres", **params)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
        connection.close()

    wait_for("PostgreSQL", postgres)
    wait_for("Redis", lambda: redis.Redis.from_url(os.environ["CELERY_BROKER_URL"]).ping())
    print(f"PostgreSQL ({db['HOST']}:{db['PORT']}) and Redis answer.")


if __name__ == "__main__":
    main()
