"""Our own words for the sample video "Building a Trusting Relationship" (with the
storytelling stand-in, which speaks about Rose Henry's story, never as her)."""

from __future__ import annotations

from media.sample_story import OWN_STORIES
from media.sample_types import (
    MODULE_TITLE,
    Chapter,
    Line,
    Slide,
    VideoScript,
)

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
