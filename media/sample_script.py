"""The sample module's words as pure data: our own narration, never a real person's.

Each `Line` is one caption cue: its English text is also what the narrator says, and
its French text is the subtitle shown over the same time span. A newline in a text is
a chosen caption line break; without one the build splits the line itself.
"""

from __future__ import annotations

from dataclasses import dataclass

NARRATOR = "Narrator"
STAND_IN = "Stand-in narrator"
VOICE_FR = {NARRATOR: "Narrateur", STAND_IN: "Narrateur de remplacement"}

MODULE_ID = "trusting-relationship"
MODULE_TITLE = "Building a Trusting Relationship"
MODULE_CREDIT = (
    "A sample module made for the transcript-player project after a public training "
    "module on trafficked persons. The narration is synthesised speech written for "
    "this sample; the storytelling segment is a labelled stand-in, not Rose Henry's "
    "recording."
)
STORY_ATTRIBUTION = (
    "Rose Henry, Aboriginal community consultant, Coast Salish territory"
)
STORY_LOWER_THIRD = (
    "Stand-in for the recorded story of Rose Henry",
    "Aboriginal community consultant, Coast Salish territory",
)


@dataclass(frozen=True)
class Line:
    """One cue: spoken English, its French subtitle, and the slide point it reveals."""

    en: str
    fr: str
    point: int | None = None


@dataclass(frozen=True)
class Slide:
    """What is on screen while its lines are spoken; points appear as they are said."""

    heading: str
    lines: tuple[Line, ...]
    points: tuple[str, ...] = ()
    subtitle: str = ""
    description: str = ""
    style: str = "points"  # points | title | story


@dataclass(frozen=True)
class Chapter:
    """A chapter; a storytelling chapter is the whole segment and nothing else."""

    title: str
    title_fr: str
    slides: tuple[Slide, ...]
    pause_after: str = ""
    storytelling: bool = False


@dataclass(frozen=True)
class VideoScript:
    id: str
    title: str
    chapters: tuple[Chapter, ...]


INTRODUCTION = Chapter(
    "Introduction",
    "Introduction",
    (
        Slide(
            MODULE_TITLE,
            (
                Line(
                    "Welcome to Building\na Trusting Relationship.",
                    "Bienvenue : établir une\nrelation de confiance.",
                ),
                Line(
                    "This short module is for front-line workers",
                    "Ce module s'adresse aux\nintervenants de première ligne",
                ),
                Line(
                    "who may meet people who have been trafficked.",
                    "qui peuvent rencontrer des\nvictimes de la traite.",
                ),
                Line(
                    "Trust takes time.\nThese steps can help it grow.",
                    "La confiance prend du temps.\nCes étapes peuvent l'aider.",
                ),
            ),
            subtitle="Sample training module",
            style="title",
            description=(
                "Title slide: Building a Trusting Relationship. Below it: Sample "
                "training module. A small running timecode sits in the top right "
                "corner throughout."
            ),
        ),
    ),
)

WHO_YOU_ARE = Chapter(
    "Start with who you are",
    "Commencez par vous présenter",
    (
        Slide(
            "Start with who you are",
            (
                Line(
                    "Start by explaining who you are\nand what you do.",
                    "Commencez par expliquer qui\nvous êtes et ce que vous faites.",
                    0,
                ),
                Line(
                    "Say plainly how your\norganisation can help,",
                    "Dites simplement comment\nvotre organisme peut aider,",
                    1,
                ),
                Line("and what it cannot do.", "et ce qu'il ne peut pas faire."),
                Line("Offer your first name,", "Donnez votre prénom,", 2),
                Line(
                    "and ask what name they\nwould like you to use.",
                    "et demandez quel nom\nla personne préfère.",
                ),
                Line(
                    "At first, talk about\neveryday things:",
                    "Au début, parlez de\nchoses du quotidien :",
                    3,
                ),
                Line(
                    "the weather, food,\nhow their day is going.",
                    "la météo, les repas,\nsa journée.",
                ),
                Line(
                    "Small talk is not wasted time.\nIt helps people feel at ease.",
                    "Ce n'est pas du temps perdu :\ncela met la personne à l'aise.",
                ),
            ),
            points=(
                "Explain your role",
                "Say how your organisation can help",
                "Share first names",
                "Talk about everyday things at first",
            ),
        ),
    ),
)

THEIR_PACE = Chapter(
    "Let them set the pace",
    "Laissez la personne choisir son rythme",
    (
        Slide(
            "Let them set the pace",
            (
                Line("Be patient.", "Faites preuve de patience.", 0),
                Line(
                    "Let the person speak\nat their own pace.",
                    "Laissez la personne parler\nà son propre rythme.",
                    1,
                ),
                Line(
                    "Do not rush to fill a silence.",
                    "Ne vous pressez pas\nde combler un silence.",
                    2,
                ),
                Line(
                    "They may need time to decide\nwhat to share.",
                    "Elle peut avoir besoin de temps\npour choisir ce qu'elle confie.",
                ),
                Line(
                    "Trust grows when they feel\nin control.",
                    "La confiance grandit quand\nelle garde le contrôle.",
                ),
            ),
            points=(
                "Be patient",
                "Let the person speak at their own pace",
                "A silence is all right",
            ),
        ),
    ),
)

THEIR_VIEW = Chapter(
    "Respect their view",
    "Respectez leur point de vue",
    (
        Slide(
            "Respect their view",
            (
                Line(
                    "Do not tell the person they\nmay have been trafficked.",
                    "Ne lui dites pas qu'elle a\npeut-être été victime de traite.",
                    0,
                ),
                Line(
                    "They may not see themselves\nthat way.",
                    "Elle ne se voit peut-être\npas ainsi.",
                ),
                Line(
                    "To them, the trafficker\nmay be a partner,",
                    "Pour elle, le trafiquant\npeut être un partenaire,",
                    1,
                ),
                Line(
                    "an employer, a friend,\nor family.",
                    "un employeur, un ami\nou un membre de la famille.",
                ),
                Line(
                    "Respect their own view\nof their situation.",
                    "Respectez sa propre vision\nde sa situation.",
                    2,
                ),
                Line(
                    "Your role is to listen\nand offer help, not to label.",
                    "Votre rôle : écouter et aider,\nsans coller d'étiquette.",
                ),
            ),
            points=(
                "Do not tell them they may have been trafficked",
                "The trafficker may seem a partner, employer, friend or family",
                "Respect their own view",
            ),
        ),
    ),
    pause_after=(
        "Why might someone see the person who exploits them as a partner, an "
        "employer, a friend or family? How can you respect their view and still "
        "offer help?"
    ),
)

CONFIDENTIALITY = Chapter(
    "Confidentiality and its limits",
    "La confidentialité et ses limites",
    (
        Slide(
            "Confidentiality and its limits",
            (
                Line(
                    "Explain what confidentiality\nmeans in your service.",
                    "Expliquez ce que veut dire\nla confidentialité chez vous.",
                    0,
                ),
                Line(
                    "Be honest about its limits,\nfrom the start.",
                    "Dites-en franchement\nles limites, dès le départ.",
                ),
                Line(
                    "If they or someone else\nis in immediate danger,",
                    "Si la personne ou quelqu'un\nd'autre est en danger immédiat,",
                    1,
                ),
                Line(
                    "or if the person is a minor,",
                    "ou si la personne est mineure,",
                    2,
                ),
                Line(
                    "follow your agency's\nduty-to-report protocol,",
                    "suivez le protocole de\nsignalement de votre organisme,",
                    3,
                ),
                Line("or call the police.", "ou appelez la police."),
                Line(
                    "Knowing the limits ahead\nof time avoids a broken promise.",
                    "Connaître ces limites à l'avance\névite une promesse non tenue.",
                ),
            ),
            points=(
                "Explain what stays confidential",
                "Limit: immediate danger to them or to others",
                "Limit: the person is a minor",
                "Then follow your protocol or call the police",
            ),
        ),
    ),
)

ASK_DONT_ASSUME = Chapter(
    "Ask, don't assume",
    "Demandez, ne supposez pas",
    (
        Slide(
            "Ask, don't assume",
            (
                Line(
                    "Do not assume you know\nwhat someone means.",
                    "Ne présumez pas de ce que\nla personne veut dire.",
                    0,
                ),
                Line(
                    "When you are unsure,\ngently ask for clarification.",
                    "En cas de doute, demandez\ndes précisions, avec douceur.",
                    1,
                ),
                Line(
                    "When you do not share\na language,",
                    "Si vous ne parlez pas\nla même langue,",
                    2,
                ),
                Line(
                    "use a qualified interpreter.",
                    "faites appel à un\ninterprète qualifié.",
                ),
                Line(
                    "Avoid asking family, friends\nor children to interpret.",
                    "Pas de proches, d'amis ni\nd'enfants comme interprètes.",
                ),
                Line(
                    "The person may not speak\nfreely in front of them.",
                    "La personne pourrait ne pas\nparler librement devant eux.",
                ),
            ),
            points=(
                "Do not assume",
                "Ask for clarification",
                "Use a qualified interpreter when languages differ",
            ),
        ),
    ),
)

OWN_STORIES = Chapter(
    "Telling their own stories (stand-in)",
    "Raconter sa propre histoire (remplacement)",
    (
        Slide(
            "Telling their own stories",
            (
                Line(
                    "This segment stands in\nfor a recorded story.",
                    "Ce segment remplace\nune histoire enregistrée.",
                ),
                Line(
                    "In the full module, Rose Henry\ntells her story",
                    "Dans le module complet,\nRose Henry raconte son histoire",
                ),
                Line("in her own words.", "avec ses propres mots."),
                Line(
                    "Rose Henry is an Aboriginal\ncommunity consultant",
                    "Rose Henry est consultante\ncommunautaire autochtone",
                ),
                Line(
                    "from the Coast Salish territory.",
                    "du territoire des Salish\nde la côte.",
                ),
                Line(
                    "This sample does not include\nher recording.",
                    "Cet exemple ne contient pas\nson enregistrement.",
                ),
                Line(
                    "The voice you hear is\na stand-in narrator.",
                    "Vous entendez un narrateur\nde remplacement.",
                ),
                Line(
                    "These are not her words.",
                    "Ces mots ne sont pas les siens.",
                ),
                Line(
                    "Her story is about\nwhy it matters",
                    "Son histoire explique\npourquoi il est important",
                ),
                Line(
                    "to let people tell\ntheir own stories,",
                    "de laisser les gens raconter\nleur propre histoire,",
                ),
                Line("in their own way.", "à leur manière."),
                Line(
                    "To hear it, use the licensed\nmodule videos.",
                    "Pour l'entendre, utilisez les\nvidéos du module sous licence.",
                ),
                Line(
                    "An organisation that holds them\ncan add them to this player.",
                    "Un organisme qui les détient\npeut les ajouter à ce lecteur.",
                ),
                Line(
                    "The player keeps her story\nwhole,",
                    "Le lecteur garde\nson histoire entière,",
                ),
                Line(
                    "and always shows who\nis telling it.",
                    "et indique toujours\nqui la raconte.",
                ),
                Line(
                    "No pause or chapter break\never interrupts it.",
                    "Aucune pause ni chapitre\nne l'interrompt.",
                ),
                Line(
                    "When you watch it,\nlisten all the way through.",
                    "Quand vous la regarderez,\nécoutez-la jusqu'au bout.",
                ),
                Line(
                    "This is the end of\nthe stand-in segment.",
                    "Fin du segment\nde remplacement.",
                ),
            ),
            points=(
                "Why it matters to let people tell their own stories, in their own way",
            ),
            subtitle="Stand-in segment",
            style="story",
            description=(
                "A dark slide titled Telling their own stories, marked Stand-in "
                "segment. It says the recorded story of Rose Henry, in her own "
                "words, is in the licensed module. It names the topic: why it "
                "matters to let people tell their own stories, in their own way. "
                "A band under the title reads: Stand-in for the recorded story of Rose "
                "Henry, Aboriginal community consultant, Coast Salish territory."
            ),
        ),
    ),
    pause_after=(
        "Why does it matter to let people tell their own stories in their own "
        "way? What in your work could get in the way of that?"
    ),
    storytelling=True,
)

CLOSING = Chapter(
    "Closing",
    "Conclusion",
    (
        Slide(
            "Trust is built in small steps",
            (
                Line(
                    "Trust is built in small steps.",
                    "La confiance se construit\npas à pas.",
                ),
                Line(
                    "Explain your role,\ngo at their pace,",
                    "Expliquez votre rôle,\nsuivez son rythme,",
                    0,
                ),
                Line(
                    "respect their view,",
                    "respectez son point de vue,",
                    2,
                ),
                Line(
                    "be clear about confidentiality,",
                    "expliquez la confidentialité,",
                    3,
                ),
                Line(
                    "and ask rather than assume.",
                    "et demandez au lieu\nde supposer.",
                    4,
                ),
                Line(
                    "The next video covers\nthe duty to report.",
                    "La vidéo suivante porte sur\nl'obligation de signaler.",
                ),
            ),
            points=(
                "Explain your role",
                "Go at their pace",
                "Respect their view",
                "Be clear about confidentiality and its limits",
                "Ask, don't assume",
            ),
        ),
    ),
)

BUILDING_TRUST = VideoScript(
    "building-trust",
    MODULE_TITLE,
    (
        INTRODUCTION,
        WHO_YOU_ARE,
        THEIR_PACE,
        THEIR_VIEW,
        CONFIDENTIALITY,
        ASK_DONT_ASSUME,
        OWN_STORIES,
        CLOSING,
    ),
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

VIDEOS = (BUILDING_TRUST, DUTY_TO_REPORT)
