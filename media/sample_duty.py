"""Our own words for the sample video "The Duty to Report"."""

from __future__ import annotations

from media.sample_types import (
    Chapter,
    Line,
    Slide,
    VideoScript,
)

DUTY_TITLE = "The Duty to Report"

DUTY_INTRODUCTION = Chapter(
    "Introduction",
    "Introduction",
    (
        Slide(
            DUTY_TITLE,
            (
                Line(
                    "This short video is about\nthe duty to report.",
                    "Cette courte vidéo porte sur\nl'obligation de signaler.",
                ),
                Line(
                    "It applies when you suspect\na child is being harmed.",
                    "Elle s'applique si un enfant\nvous semble maltraité.",
                ),
            ),
            subtitle="When a child may be at risk",
            style="title",
            description=(
                "Title slide: The Duty to Report. Below it: When a child may be "
                "at risk."
            ),
        ),
    ),
)

WHAT_THE_LAW_ASKS = Chapter(
    "What the law asks",
    "Ce que la loi exige",
    (
        Slide(
            "What the law asks",
            (
                Line(
                    "In Canada, everyone has\na legal duty",
                    "Au Canada, la loi\noblige chacun",
                    0,
                ),
                Line(
                    "to report suspected abuse\nor neglect of a child.",
                    "à signaler un enfant qu'il croit\nmaltraité ou négligé.",
                    1,
                ),
                Line("You do not need proof.", "Pas besoin de preuves.", 2),
                Line(
                    "A reasonable suspicion\nis enough.",
                    "Un soupçon raisonnable\nsuffit.",
                ),
                Line("The duty is yours:", "Cette obligation est la vôtre :", 3),
                Line(
                    "telling a colleague does not\nreplace your own report.",
                    "en parler à un collègue ne\nremplace pas votre signalement.",
                ),
            ),
            points=(
                "Everyone must report",
                "Suspected abuse or neglect of a child",
                "A reasonable suspicion is enough",
                "The duty is yours",
            ),
        ),
    ),
)

HOW_REPORTS_ARE_MADE = Chapter(
    "How reports are made",
    "Comment faire un signalement",
    (
        Slide(
            "How reports are made",
            (
                Line(
                    "How you report differs by\nprovince and territory.",
                    "La façon de signaler varie selon\nla province ou le territoire.",
                    0,
                ),
                Line(
                    "In some, you call\na child welfare agency.",
                    "Parfois, on appelle un service\nde protection de l'enfance.",
                    1,
                ),
                Line(
                    "In others, a provincial\nor territorial ministry.",
                    "Ailleurs, un ministère\nprovincial ou territorial.",
                    2,
                ),
                Line(
                    "The police can also\ntake a report.",
                    "La police peut aussi\nrecevoir un signalement.",
                    3,
                ),
                Line(
                    "If a child is in immediate\ndanger, call 911.",
                    "Si un enfant est en danger\nimmédiat, composez le 911.",
                ),
            ),
            points=(
                "It differs by province and territory",
                "Child welfare agencies",
                "Provincial or territorial ministries",
                "Police",
            ),
        ),
    ),
    pause_after=(
        "Who receives reports about children in your province or territory? "
        "Where is your agency's duty-to-report protocol kept?"
    ),
)

LOCAL_AGENCY = Chapter(
    "Finding your local agency",
    "Trouver le service local",
    (
        Slide(
            "Finding your local agency",
            (
                Line(
                    "To find your local agency,\nstart with your own protocol.",
                    "Pour trouver le service local,\nvoyez votre protocole.",
                    0,
                ),
                Line(
                    "Your agency's duty-to-report\nprotocol should name it.",
                    "Le protocole de votre\norganisme devrait le nommer.",
                ),
                Line(
                    "Or search your province or\nterritory's government website",
                    "Sinon, cherchez sur le site\nde votre province ou territoire",
                    1,
                ),
                Line(
                    "for child protection services.",
                    "les services de protection\nde l'enfance.",
                ),
                Line(
                    "Save the number\nbefore you need it.",
                    "Notez le numéro avant\nd'en avoir besoin.",
                    2,
                ),
                Line(
                    "Reporting is not an accusation.\nIt asks trained people to check.",
                    "Signaler n'est pas accuser :\ndes gens formés vont vérifier.",
                ),
                Line("Thank you for watching.", "Merci de votre attention."),
            ),
            points=(
                "Check your agency's duty-to-report protocol",
                "Search your government's site for child protection",
                "Save the number before you need it",
            ),
        ),
    ),
)

DUTY_TO_REPORT = VideoScript(
    "duty-to-report",
    DUTY_TITLE,
    (DUTY_INTRODUCTION, WHAT_THE_LAW_ASKS, HOW_REPORTS_ARE_MADE, LOCAL_AGENCY),
)
