"""Countries, their demonyms and capitals: one side each."""

from __future__ import annotations

__all__ = [
    "COUNTRY_FORMS",
    "COUNTRY_OF",
]

#: Countries with their demonyms and capitals: "Greek", "Athens" and "Greece" are one side.
COUNTRY_FORMS = (
    ("afghanistan", "afghan", "kabul"),
    ("argentina", "argentine argentinian", "buenos aires"),
    ("australia", "australian", "canberra"),
    ("austria", "austrian", "vienna"),
    ("belgium", "belgian", "brussels"),
    ("brazil", "brazilian", "brasilia"),
    ("britain", "british", "london"),
    ("canada", "canadian", "ottawa"),
    ("china", "chinese", "beijing"),
    ("denmark", "danish", "copenhagen"),
    ("egypt", "egyptian", "cairo"),
    ("ethiopia", "ethiopian", "addis ababa"),
    ("finland", "finnish", "helsinki"),
    ("france", "french", "paris"),
    ("germany", "german", "berlin"),
    ("greece", "greek", "athens"),
    ("hungary", "hungarian", "budapest"),
    ("india", "indian", "delhi"),
    ("indonesia", "indonesian", "jakarta"),
    ("iran", "iranian", "tehran"),
    ("iraq", "iraqi", "baghdad"),
    ("ireland", "irish", "dublin"),
    ("israel", "israeli", "jerusalem"),
    ("italy", "italian", "rome"),
    ("japan", "japanese", "tokyo"),
    ("jordan", "jordanian", "amman"),
    ("kenya", "kenyan", "nairobi"),
    ("lebanon", "lebanese", "beirut"),
    ("mexico", "mexican", "mexico city"),
    ("netherlands", "dutch", "amsterdam"),
    ("nigeria", "nigerian", "abuja"),
    ("norway", "norwegian", "oslo"),
    ("pakistan", "pakistani", "islamabad"),
    ("poland", "polish", "warsaw"),
    ("portugal", "portuguese", "lisbon"),
    ("qatar", "qatari", "doha"),
    ("romania", "romanian", "bucharest"),
    ("russia", "russian", "moscow"),
    ("saudi arabia", "saudi", "riyadh"),
    ("south africa", "south african", "pretoria"),
    ("south korea", "south korean korean", "seoul"),
    ("spain", "spanish", "madrid"),
    ("sweden", "swedish", "stockholm"),
    ("switzerland", "swiss", "bern"),
    ("syria", "syrian", "damascus"),
    ("taiwan", "taiwanese", "taipei"),
    ("turkey", "turkish", "ankara"),
    ("ukraine", "ukrainian", "kyiv"),
    ("united kingdom", "british", "london"),
    ("united states", "american", "washington"),
    ("venezuela", "venezuelan", "caracas"),
    ("vietnam", "vietnamese", "hanoi"),
)
#: Any form (country, demonym or capital) to its country.
COUNTRY_OF = {
    form: country
    for country, demonyms, capital in COUNTRY_FORMS
    for form in (country, capital, *demonyms.split())
}
