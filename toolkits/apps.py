from django.apps import AppConfig


class ToolkitsConfig(AppConfig):
    name = "toolkits"
    verbose_name = "Toolkits and good practices"

    def ready(self):
        from . import deliverables

        # The toolkit's PDF (docs/deliverables.md).
        deliverables.register()
