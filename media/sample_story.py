"""The storytelling stand-in's words: ours, about Rose Henry's story, never as her.

The segment stands in for her recorded story in the licensed module; its captions say
so, and the stand-in voice speaks of her in the third person.
"""

from __future__ import annotations

from media.sample_types import Chapter, Line, Slide

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
