import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "notifications"
CALLERS = {"accounts", "mentoring", "actionplans", "toolkits", "deliverables", "citiesgrow"}


def test_the_notifications_app_imports_none_of_the_apps_that_call_it():
    imported = set()
    for source in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add((source.name, node.module.split(".")[0]))
            elif isinstance(node, ast.Import):
                imported.update((source.name, alias.name.split(".")[0]) for alias in node.names)

    assert {(name, module) for name, module in imported if module in CALLERS} == set()
