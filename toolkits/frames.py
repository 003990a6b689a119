"""The two frames of reference the toolkits and good practices are measured against.

Reference data, not demo data: the Integrating Cities Charter (EUROCITIES, launched at
Integrating Cities IV in London in February 2010, text updated in October 2024) and the
European Modules on Migrant Integration (European Commission, DG HOME). The texts are
paraphrased. Each item carries how sure we are of it: "H" stated directly by a published
source, "M" stated indirectly or by a weaker source (shown as such on the pages).

`load_frames()` writes them to the database; a data migration calls it, and so do the
demo loader and the tests (idempotent, keyed on codes and numbers).
"""

CHARTER_SOURCE = "https://integratingcities.eu/charter"

# (code, name, position, commitments: (code, text, confidence))
CHARTER_ROLES = [
    (
        "policy_maker",
        "Policy maker",
        1,
        [
            ("P1", "Communicate publicly the city's commitment to equal opportunities for all its residents.", "H"),
            ("P2", "Make sure of equal access and non-discrimination in all the city's policies.", "H"),
            ("P3", "Involve migrant communities in making policy; remove barriers to their taking part.", "H"),
        ],
    ),
    (
        "service_provider",
        "Service provider",
        2,
        [
            (
                "S1",
                "Support migrants' equal access to the services they are entitled to, above all language learning, "
                "housing, employment, health, social care and education.",
                "H",
            ),
            ("S2", "Make sure that the providers of services understand the needs of migrants and meet them.", "H"),
        ],
    ),
    (
        "employer",
        "Employer",
        3,
        [
            ("E1", "Where needed, take steps so that the city's workforce reflects its diversity at every level.", "H"),
            ("E2", "Make sure managers and colleagues treat all staff, migrants included, fairly and equally.", "H"),
            ("E3", "Make sure that all staff understand diversity and equality and respect them.", "M"),
        ],
    ),
    (
        "buyer",
        "Buyer of goods and services",
        4,
        [
            ("B1", "Apply the principles of equality and diversity when buying and commissioning.", "M"),
            ("B2", "Promote the principles of equality and diversity among the city's contractors.", "M"),
            ("B3", "Help a diverse base of suppliers to develop.", "M"),
        ],
    ),
]

MODULES_SOURCE = (
    "https://ec.europa.eu/migrant-integration/index.cfm?action=furl.go&go=/librarydoc/"
    "european-modules-on-migrant-integration---final-report"
)

# (number, title, confidence, components complete?, note, components: (number or None, title, confidence, note))
EUROPEAN_MODULES = [
    (
        1,
        "Introductory and language courses",
        "H",
        False,
        "The components listed are those of the draft module (2010); the final report's list was not verified.",
        [
            (1, "Pedagogic schemes for language tuition", "M", "From the draft module."),
            (2, "Effective introductory courses", "M", "From the draft module."),
            (3, "Incentive structures", "M", "From the draft module."),
            (4, "Evaluation and quality assessment", "M", "From the draft module."),
        ],
    ),
    (
        2,
        "A strong commitment by the receiving society",
        "H",
        False,
        "Only one component of this module is known from a published source; the others are not listed here.",
        [(2, "Access to services", "M", "Cited as component 2 of module 2 by a secondary source.")],
    ),
    (
        3,
        "Active participation of migrants in all aspects of collective life",
        "H",
        False,
        "The components of this module were not found in a published source; none are listed.",
        [],
    ),
]


def load_frames(charter_role, charter_commitment, european_module, module_component):
    """Create or update the Charter and the European Modules. Takes the model classes so
    that a data migration can pass its historical models."""
    for role_code, name, position, commitments in CHARTER_ROLES:
        role, _ = charter_role.objects.update_or_create(code=role_code, defaults={"name": name, "position": position})
        for index, (code, text, confidence) in enumerate(commitments, start=1):
            charter_commitment.objects.update_or_create(
                code=code,
                defaults={"role": role, "text": text, "confidence": confidence, "position": position * 10 + index},
            )
    for number, title, confidence, complete, note, components in EUROPEAN_MODULES:
        module, _ = european_module.objects.update_or_create(
            number=number,
            defaults={"title": title, "confidence": confidence, "components_complete": complete, "note": note},
        )
        for component_number, component_title, component_confidence, component_note in components:
            module_component.objects.update_or_create(
                module=module,
                title=component_title,
                defaults={
                    "number": component_number,
                    "confidence": component_confidence,
                    "note": component_note,
                },
            )
