"""Default crisis lines by country, and the private note to an author in six languages.

Admins must verify the lines for their own community (the README and /setup-referrals say so). Each country says
when its entry was last checked against the service's own published number; `verified` is that date.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt": "Português",
             "it": "Italiano"}


@dataclass(frozen=True)
class CrisisResources:
    emergency: str
    lines: tuple[str, ...]
    language: str = "en"  # the note's language when neither the server nor the member chose one
    verified: str = ""  # when the numbers were last checked (ISO date)


# The English-speaking defaults were checked when screening first shipped; the others were added from issue 16's list
# on the date given. Check them against each service's own site before relying on them.
DEFAULTS: dict[str, CrisisResources] = {
    "US": CrisisResources("911", ("988 Suicide & Crisis Lifeline: call or text 988",), "en", "2025-12-04"),
    "CA": CrisisResources("911", ("9-8-8 Suicide Crisis Helpline: call or text 988",), "en", "2025-12-04"),
    "GB": CrisisResources("999", ("Samaritans: call 116 123, free, any time", "Shout: text SHOUT to 85258"), "en",
                          "2025-12-04"),
    "IE": CrisisResources("112 or 999", ("Samaritans: call 116 123, free, any time", "Text 50808"), "en",
                          "2025-12-04"),
    "AU": CrisisResources("000", ("Lifeline: call 13 11 14 or text 0477 13 11 14",), "en", "2025-12-04"),
    "NZ": CrisisResources("111", ("Need to talk? Call or text 1737",), "en", "2025-12-04"),
    "ES": CrisisResources("112", ("Línea 024 de atención a la conducta suicida: llama al 024, gratis, 24 horas",),
                          "es", "2025-12-04"),
    "MX": CrisisResources("911", ("Línea de la Vida: llama al 800 911 2000, gratis, 24 horas",), "es", "2025-12-04"),
    "FR": CrisisResources("112 (ou le 15)", ("3114, numéro national de prévention du suicide : gratuit, 24h/24",),
                          "fr", "2025-12-04"),
    "DE": CrisisResources("112", ("TelefonSeelsorge: 0800 111 0 111 oder 0800 111 0 222, kostenlos, rund um die Uhr",),
                          "de", "2025-12-04"),
    "AT": CrisisResources("112 (oder 144)", ("TelefonSeelsorge: 142, kostenlos, rund um die Uhr",), "de",
                          "2025-12-04"),
    "CH": CrisisResources("112 (oder 144)", ("Die Dargebotene Hand / La Main Tendue / Telefono Amico: 143",), "de",
                          "2025-12-04"),
    "IT": CrisisResources("112", ("Telefono Amico Italia: 02 2327 2327",), "it", "2025-12-04"),
    "PT": CrisisResources("112", ("SOS Voz Amiga: 213 544 545, 912 802 669 ou 963 524 660",), "pt", "2025-12-04"),
    "BR": CrisisResources("192 (SAMU) ou 190", ("CVV, Centro de Valorização da Vida: ligue 188, gratuito, 24 horas",),
                          "pt", "2025-12-04"),
}
FALLBACK = CrisisResources("your local emergency number", ("findahelpline.com lists free crisis lines worldwide",))

# The note: caring, brief, no lecture. {emergency} and {lines} are filled in; the lines keep the service's language.
NOTES = {
    "en": ("Hi, it's the peerbot helper for this community. Something you shared stood out, and we wanted to check in. "
           "You're not in trouble, and nobody in the group has been told.\n\n"
           "If you might act on thoughts of ending your life, or you're in danger right now, please call {emergency}. "
           "You can also talk to someone any time:\n{lines}\n\n"
           "Someone from the programme team will reach out to you soon."),
    "es": ("Hola, soy el asistente de peerbot de esta comunidad. Algo que compartiste nos llamó la atención y "
           "queríamos saber cómo estás. No has hecho nada malo, y nadie del grupo ha sido avisado.\n\n"
           "Si pudieras actuar según pensamientos de quitarte la vida, o estás en peligro ahora mismo, llama al "
           "{emergency}. También puedes hablar con alguien en cualquier momento:\n{lines}\n\n"
           "Alguien del equipo del programa se pondrá en contacto contigo pronto."),
    "fr": ("Bonjour, c'est l'assistant peerbot de cette communauté. Quelque chose que tu as partagé nous a "
           "interpellés, et nous voulions prendre de tes nouvelles. Tu n'as rien fait de mal, et personne dans le "
           "groupe n'a été prévenu.\n\n"
           "Si tu risques de passer à l'acte, ou si tu es en danger maintenant, appelle le {emergency}. Tu peux aussi "
           "parler à quelqu'un à tout moment :\n{lines}\n\n"
           "Une personne de l'équipe du programme va te contacter bientôt."),
    "de": ("Hallo, hier ist der peerbot-Helfer dieser Gemeinschaft. Etwas, das du geteilt hast, ist uns aufgefallen, "
           "und wir wollten nach dir sehen. Du hast nichts falsch gemacht, und niemand in der Gruppe wurde "
           "informiert.\n\n"
           "Wenn du daran denkst, dir das Leben zu nehmen, oder gerade in Gefahr bist, ruf bitte {emergency} an. Du "
           "kannst auch jederzeit mit jemandem sprechen:\n{lines}\n\n"
           "Jemand aus dem Programmteam meldet sich bald bei dir."),
    "pt": ("Olá, é o assistente peerbot desta comunidade. Algo que você compartilhou nos chamou a atenção, e quisemos "
           "saber como você está. Você não fez nada de errado, e ninguém do grupo foi avisado.\n\n"
           "Se você pode agir sobre pensamentos de tirar a própria vida, ou está em perigo agora, ligue para "
           "{emergency}. Você também pode conversar com alguém a qualquer hora:\n{lines}\n\n"
           "Alguém da equipe do programa vai entrar em contato com você em breve."),
    "it": ("Ciao, sono l'assistente peerbot di questa comunità. Qualcosa che hai condiviso ci ha colpito, e volevamo "
           "sapere come stai. Non hai fatto niente di male, e nessuno nel gruppo è stato avvisato.\n\n"
           "Se pensi di poter agire sui pensieri di toglierti la vita, o sei in pericolo adesso, chiama il "
           "{emergency}. Puoi anche parlare con qualcuno in qualsiasi momento:\n{lines}\n\n"
           "Qualcuno del team del programma ti contatterà presto."),
}
_FALLBACK_LINE = {"en": "findahelpline.com lists free crisis lines worldwide",
                  "es": "findahelpline.com reúne líneas de ayuda gratuitas de todo el mundo",
                  "fr": "findahelpline.com répertorie des lignes d'écoute gratuites dans le monde entier",
                  "de": "findahelpline.com listet kostenlose Krisentelefone weltweit",
                  "pt": "findahelpline.com reúne linhas de apoio gratuitas no mundo todo",
                  "it": "findahelpline.com elenca linee di ascolto gratuite in tutto il mondo"}
_LOCAL_EMERGENCY = {"en": "your local emergency number", "es": "número de emergencias local",
                    "fr": "numéro d'urgence local", "de": "die örtliche Notrufnummer",
                    "pt": "número de emergência local", "it": "numero di emergenza locale"}


def resources_for(country: str) -> CrisisResources:
    return DEFAULTS.get(country.upper(), FALLBACK)


def note_language(country: str, server: str | None = None, member: str | None = None) -> str:
    """The member's choice, else the server's, else the country's usual language, else English."""
    for choice in (member, server, resources_for(country).language):
        if choice in NOTES:
            return choice
    return "en"


def support_message(country: str, language: str | None = None) -> str:
    """The private note an author gets after an urgent or crisis screening."""
    found = resources_for(country)
    language = language if language in NOTES else found.language
    assert language is not None
    if found is FALLBACK:
        found = CrisisResources(_LOCAL_EMERGENCY[language], (_FALLBACK_LINE[language],))
    lines = "\n".join(f"• {line}" for line in found.lines)
    return NOTES[language].format(emergency=found.emergency, lines=lines)
