"""The built site from a small sample catalogue (tests/site/conftest.py): every URL of the
contract exists and shows what visitors and reusers rely on."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from support.search import indexed_pages

ATOM = "{http://www.w3.org/2005/Atom}"


def slugs_in(page: str) -> list[str]:
    """The actions a page lists as cards, in order."""
    return re.findall(r'<li class="ab-card" data-slug="([^"]+)"', page)


def read(site: Path, url: str) -> str:
    path = site / url.strip("/")
    if url.endswith("/") or not url.strip("/"):
        path = path / "index.html"
    assert path.is_file(), f"{url} was not built"
    return path.read_text(encoding="utf-8")


def slugs_on(page: str) -> list[str]:
    return re.findall(r'<li class="ab-card" data-slug="([^"]+)"', page)


@pytest.fixture(scope="module")
def site(sample) -> Path:
    return sample / "site"


@pytest.mark.parametrize(
    "url",
    [
        "acties/",
        "acties/buddy-haaglanden/",
        "acties/flexpool-twente/",
        "acties/leerhuis-landelijk/",
        "verhalen/",
        "verhalen/verhaal-buddy/",
        "verhalen/verhaal-flexpool/",
        "acties/regio/haaglanden/",
        "acties/regio/zuid-holland/",
        "acties/succesfactor/onboarding/",
        "acties/resultaat/uitstroom/",
        "acties/sector/vvt/",
        "acties/doelgroep/starters/",
        "acties/interventie/buddysysteem/",
        "acties/status/loopt/",
        "acties/bewijs/",
        "acties/bewijs/gemeten/",
        "acties/bewijs/niet-opgegeven/",
        "acties/kosten/midden/",
        "acties/kosten/niet-bekend/",
        "acties/effect/verbeterd/",
        "acties/effect/geen-resultaten/",
        "acties/bewijs/gemeten/feed.xml",
        "acties/effect/geen-resultaten/feed.xml",
        "bewijs/",
        "api/actions.json",
        "api/actions.csv",
        "api/cases.json",
        "feed.xml",
        "acties/regio/zuid-holland/feed.xml",
        "acties/succesfactor/onboarding/feed.xml",
        "schema/action.schema.json",
        "schema/case.schema.json",
        "",
    ],
)
def test_every_contract_url_is_built(site, url):
    read(site, url)


def test_raw_entry_sources_are_not_published(site):
    assert not (site / "actions").exists()
    assert not (site / "cases").exists()


def test_facet_pages_exist_only_for_values_in_use(site):
    assert not (site / "acties/regio/limburg").exists()
    assert not (site / "acties/interventie/job-carving").exists()


def test_a_province_page_lists_actions_tagged_with_its_regions(site):
    assert slugs_on(read(site, "acties/regio/zuid-holland/")) == ["buddy-haaglanden"]
    assert slugs_on(read(site, "acties/regio/overijssel/")) == ["flexpool-twente"]


def test_the_outcome_facet_lists_actions_reporting_that_measure(site):
    assert slugs_on(read(site, "acties/resultaat/uitstroom/")) == ["buddy-haaglanden"]
    assert slugs_on(read(site, "acties/resultaat/behoud/")) == ["leerhuis-landelijk"]


def test_the_catalogue_lists_the_strongest_evidence_first_with_filter_markup(site):
    page = read(site, "acties/")
    # Measured evidence first; then, on the same step, the most recently changed.
    assert slugs_on(page) == ["buddy-haaglanden", "leerhuis-landelijk", "flexpool-twente"]
    for facet, value in (
        ("succesfactor", "onboarding"),
        ("regio", "zuid-holland"),
        ("regio", "haaglanden"),
        ("resultaat", "uitstroom"),
        ("sector", "vvt"),
        ("doelgroep", "starters"),
        ("interventie", "buddysysteem"),
        ("status", "loopt"),
    ):
        assert re.search(f'<input type="checkbox" name="{facet}" value="{value}"', page)
        assert f'href="../acties/{facet}/{value}/"' in page, "no-JavaScript link missing"
    assert '<input id="ab-zoek" name="zoek"' in page
    assert re.search(r'role="status"[^>]*>3 acties<', page)
    # The text filter finds a value by its Dutch synonyms, written beside its checkbox.
    assert re.search(r'value="onboarding" data-label="Onboarding" data-words="[^"]*inwerken', page)
    # The regions of a province open under it: Haaglanden sits inside Zuid-Holland's item.
    sub = page[page.index('<ul class="ab-facet__sub" id="ab-sub-regio-zuid-holland">') :]
    assert 'value="haaglanden"' in sub[: sub.index("</ul>")]


def test_the_card_data_file_holds_every_card_its_filter_values_and_orders(site):
    data = json.loads((site / "acties/kaarten.json").read_text(encoding="utf-8"))
    slugs = [card["slug"] for card in data["cards"]]
    assert slugs == ["buddy-haaglanden", "leerhuis-landelijk", "flexpool-twente"]
    buddy = data["cards"][0]
    regio = data["facets"].index("regio")
    # A province carries its regions' actions, so filtering on it finds them.
    assert buddy["values"][regio] == ["zuid-holland", "haaglanden"]
    assert buddy["evidence"] == ["Gemeten", 4] and data["evidenceSteps"] == 6
    assert buddy["costs"] == "Midden, \u20ac\u00a012.500 per jaar"
    titles = [data["cards"][i]["title"] for i in data["orders"]["titel"]]
    assert titles == sorted(titles, key=str.casefold)
    assert [slugs[i] for i in data["orders"]["gewijzigd"]] == [
        "leerhuis-landelijk",
        "buddy-haaglanden",
        "flexpool-twente",
    ]


def test_each_action_has_a_fact_sheet_for_comparing(site):
    sheet = json.loads((site / "acties/buddy-haaglanden/feiten.json").read_text(encoding="utf-8"))
    rows = {(group, label): parts for group, label, parts in sheet["rows"]}
    assert rows["Over de actie", "Regio"] == ["Haaglanden"]
    assert rows["Bewijs en kosten", "Bewijs"] == ["Gemeten (stap 4 van 6)"]
    assert rows["Bewijs en kosten", "Bedrag"] == ["\u20ac\u00a012.500 per jaar"]
    outflow = rows["Resultaten", "Resultaat: Uitstroom"]
    assert outflow[0].startswith("Verbeterd: 4 procentpunt (nulmeting 12 procentpunt)")
    assert ["Bron", "https://example.org/rapport"] in outflow
    assert rows["Contact", "Contactpersoon"] == [
        "Anna de Vries",
        ["anna@example.org", "mailto:anna@example.org"],
    ]
    assert sheet["targetGroups"] and sheet["measured"] is True


def test_navigation_stays_small(site):
    page = read(site, "acties/buddy-haaglanden/")
    nav = page[page.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "Acties" in nav and "Verhalen" in nav
    assert "flexpool-twente" not in nav and "regio/" not in nav


def test_generated_listings_are_kept_out_of_the_search_index(site):
    indexed = indexed_pages(site)
    assert "/acties/buddy-haaglanden/" in indexed
    assert "/verhalen/verhaal-buddy/" in indexed
    assert "/acties/" not in indexed
    assert not any(url.startswith("/acties/regio/") for url in indexed)
    # An action is found by its own words, not by the cards of related actions on it.
    buddy = indexed["/acties/buddy-haaglanden/"]["content"]
    assert "De buddy plant elke week" in buddy and "ervaren collega" in buddy
    assert "Regionale flexpool in Twente" not in buddy


def test_action_page_shows_facts_outcomes_cases_and_related(site):
    page = read(site, "acties/buddy-haaglanden/")
    assert "<h1>Buddy&#39;s &amp; &lt;starters&gt; in Haaglanden</h1>" in page
    assert '<a href="../../acties/regio/haaglanden/">Haaglanden</a>' in page
    assert "Verpleging, verzorging en thuiszorg" in page
    assert "Uitstroom" in page and "Verbeterd" in page
    assert "4 procentpunt" in page and "nulmeting 12 procentpunt" in page
    # Evidence, costs and result, in words, with the ladder explained one click away.
    indicators = page.split('<dl class="ab-indicators">', 1)[1].split("</dl>", 1)[0]
    assert '<a href="../../bewijs/">Gemeten</a>' in indicators
    assert "stap 4 van 6" in indicators and indicators.count("ab-ladder__step--on") == 4
    assert "Midden, €\u00a012.500 per jaar" in indicators
    assert "<dd>Uitstroom: lager</dd>" in indicators
    assert 'href="mailto:anna@example.org"' in page
    assert "Sinds maart 2022" in page
    # The case story that mentions it, and the action that names it as related.
    assert 'href="../../verhalen/verhaal-buddy/"' in page
    assert 'data-slug="flexpool-twente"' in page


def test_action_page_meta_description_is_the_summary_escaped(site):
    page = read(site, "acties/buddy-haaglanden/")
    assert (
        '<meta name="description" content="Elke nieuwe wijkverpleegkundige krijgt het '
        'eerste halfjaar een ervaren collega als vast aanspreekpunt.">'
    ) in page
    assert "<title>Buddy&#x27;s &amp; &lt;starters&gt; in Haaglanden - Actiebank</title>" in page
    assert "<starters>" not in page


def test_edit_link_points_at_the_source_file_and_date_is_shown(site):
    page = read(site, "acties/buddy-haaglanden/")
    assert (
        'href="https://github.com/actiebank/actiebank/edit/main/content/actions/'
        'buddy-haaglanden.md"'
    ) in page
    assert 'Laatst bijgewerkt op <time datetime="2024-05-01">1 mei 2024</time>' in page


def test_contributor_braces_are_shown_as_written(site):
    page = read(site, "acties/buddy-haaglanden/")
    assert "Accolades als {{ config.site_name }} en {% raw %} blijven tekst." in page
    assert "<details><summary>Meer</summary>" in page


def test_open_graph_image_is_drawn_per_action(site):
    page = read(site, "acties/buddy-haaglanden/")
    match = re.search(r'<meta property="og:image" content="([^"]+)">', page)
    assert match and match.group(1).endswith("assets/og/buddy-haaglanden.png")
    with Image.open(site / "assets/og/buddy-haaglanden.png") as image:
        assert image.size == (1200, 630)


def test_contributor_images_have_responsive_variants(site):
    page = read(site, "acties/buddy-haaglanden/")
    picture = page[page.index('<picture class="ab-picture">') :]
    picture = picture[: picture.index("</picture>")]
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', picture).group(1)
    assert [part.split()[1] for part in webp.split(", ")] == ["480w", "960w", "1600w"]
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'alt="Twee collega&#39;s lopen samen een wijkronde"' in img
    assert 'width="1600" height="800"' in img
    for candidate in re.findall(r"\.\./\.\./(assets/images/[^ \"]+)", picture):
        assert (site / candidate).is_file(), candidate
    # A PNG (a diagram, a screenshot) keeps a PNG fallback so its text stays sharp.
    assert re.search(r'src="\.\./\.\./assets/images/[0-9a-f]+-1600\.png"', img)


def test_case_page_shows_its_actions_and_links_back(site):
    page = read(site, "verhalen/verhaal-buddy/")
    assert slugs_on(page) == ["buddy-haaglanden"]
    assert 'href="../../verhalen/"' in page
    assert '<picture class="ab-picture">' in page
    og = re.search(r'<meta property="og:image" content="([^"]+)">', page).group(1)
    assert og.startswith("https://actiebank.github.io/actiebank/assets/images/")
    assert (site / og.split("/actiebank/", 1)[1]).is_file()
    stories = read(site, "verhalen/")
    assert stories.index("verhaal-flexpool") < stories.index("verhaal-buddy")


def test_home_shows_the_way_in_figures_and_newest_entries(site):
    """The home page's parts come from the catalogue through the macros in index.md."""
    page = read(site, "")
    assert "Het open overzicht van wat zorg" in page
    assert re.search(r'<form class="ab-home-search" action="acties/" method="get"', page)
    tiles = page[page.index('class="ab-tiles"') :]
    assert re.search(
        r'href="acties/succesfactor/onboarding/">Onboarding <span[^>]*>1 actie<', tiles
    )
    # The map: a link for each province with actions, named with its count; none for a
    # province without (it has no page), and Landelijk is no province on it.
    where = page[
        page.index('class="ab-where"') : page.index("</section>", page.index('class="ab-where"'))
    ]
    assert re.search(r'href="acties/regio/zuid-holland/" aria-label="Zuid-Holland: 1 actie"', where)
    assert re.search(r'href="acties/regio/overijssel/" aria-label="Overijssel: 1 actie"', where)
    assert "acties/regio/limburg/" not in where and "Nog geen acties in" in where
    assert "landelijk" not in where.lower()
    national = page[page.index('class="ab-national"') :]
    assert re.search(r'<h2 id="ab-national-1">Landelijk</h2>', national)
    assert 'href="acties/regio/landelijk/">Bekijk de actie</a>' in national
    figures = page[page.index('class="ab-figures"') :]
    assert re.search(r'href="acties/"><span class="ab-figure__count">3</span>', figures)
    assert re.search(r'href="verhalen/"><span class="ab-figure__count">2</span>', figures)
    assert "Uitgelichte verhalen" in page and 'href="verhalen/verhaal-buddy/"' in page
    newest_stories = page[page.index('id="ab-new-cases"') : page.index('id="ab-new-actions"')]
    assert "verhaal-flexpool" in newest_stories and "verhaal-buddy" not in newest_stories
    newest = page[page.index('id="ab-new-actions"') :]
    assert slugs_on(newest)[0] == "leerhuis-landelijk"


def test_actions_json_has_every_field_with_slug_and_url(site):
    records = json.loads((site / "api/actions.json").read_text(encoding="utf-8"))
    by_slug = {r["slug"]: r for r in records}
    assert sorted(by_slug) == ["buddy-haaglanden", "flexpool-twente", "leerhuis-landelijk"]
    buddy = by_slug["buddy-haaglanden"]
    assert buddy["url"] == "https://actiebank.github.io/actiebank/acties/buddy-haaglanden/"
    assert buddy["title"] == "Buddy's & <starters> in Haaglanden"
    assert buddy["outcomes"][0] == {
        "measure": "outflow",
        "result": "improved",
        "value": 4,
        "unit": "percentage-points",
        "baseline": 12,
        "period": "2022-2023",
        "source": "https://example.org/rapport",
    }
    assert buddy["costs"] == {
        "level": "medium",
        "amount_eur": 12500,
        "per": "year",
        "note": "vooral uren van de buddy's",
    }
    assert buddy["updated"] == "2024-05-01"
    assert buddy["started"] == "2022-03"


def test_actions_csv_has_a_row_per_action_and_a_column_per_field(site):
    text = (site / "api/actions.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["slug"] for r in rows] == [
        "buddy-haaglanden",
        "flexpool-twente",
        "leerhuis-landelijk",
    ]
    schema = json.loads((site / "schema/action.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) <= set(rows[0])
    flex = rows[1]
    assert flex["sectors"] == "disability-care; vvt"
    assert flex["url"].endswith("/acties/flexpool-twente/")
    assert json.loads(rows[0]["outcomes"])[0]["baseline"] == 12


def test_cases_json_has_every_field(site):
    records = json.loads((site / "api/cases.json").read_text(encoding="utf-8"))
    buddy = next(r for r in records if r["slug"] == "verhaal-buddy")
    assert buddy["actions"] == ["buddy-haaglanden"] and buddy["featured"] is True
    assert buddy["url"].endswith("/verhalen/verhaal-buddy/")


def test_site_feed_lists_newest_actions_and_cases(site):
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert ids[0].endswith("/acties/leerhuis-landelijk/")
    assert any(i.endswith("/verhalen/verhaal-flexpool/") for i in ids)
    assert len(ids) == 5
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_facet_feed_follows_one_value(site):
    feed = ElementTree.parse(site / "acties/regio/overijssel/feed.xml").getroot()
    ids = [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")]
    assert [i.rsplit("/", 2)[1] for i in ids] == ["flexpool-twente"]
    title = feed.find(f"{ATOM}title").text
    assert "Overijssel" in title


def keys_in(node) -> list[str]:
    """Every key of a JSON document, at any depth."""
    if isinstance(node, dict):
        return [k for key, value in node.items() for k in (key, *keys_in(value))]
    if isinstance(node, list):
        return [k for value in node for k in keys_in(value)]
    return []


def test_schemas_are_published_strict_at_their_own_address(site):
    from support import SCHEMA_DIR

    for name in ("action.schema.json", "case.schema.json"):
        source = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        published = json.loads((site / "schema" / name).read_text(encoding="utf-8"))
        assert published["$id"] == f"https://actiebank.github.io/actiebank/schema/{name}"
        assert published["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        # The project's own keywords, which strict validators refuse, are notes there.
        rules = keys_in(source).count("x-rule")
        assert rules and "x-paragraph" in keys_in(source)
        assert not [key for key in keys_in(published) if key.startswith("x-")]
        comments = re.findall(r'"\$comment": "[^"]*Actiebank rule', json.dumps(published))
        assert len(comments) == rules
        # The same fields, required alike, refusing others, with the same patterns.
        assert published["properties"].keys() == source["properties"].keys()
        assert published["required"] == source["required"]
        assert published["additionalProperties"] is source["additionalProperties"] is False
        assert published["$defs"]["url"]["pattern"] == source["$defs"]["url"]["pattern"]


def test_script_is_published_and_referenced(site):
    page = read(site, "acties/")
    assert "assets/javascripts/catalogue.js" in page
    assert (site / "assets/javascripts/catalogue.js").is_file()
    assert "fonts.googleapis" not in page and "fonts.gstatic" not in page


def test_every_page_links_only_to_pages_that_exist(site):
    broken = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for href in re.findall(r'href="(\.\./[^"#?]*|[a-z][^":#?]*/)"', text):
            target = (path.parent / href).resolve()
            if href.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
    assert not broken, broken[:20]


def test_title_escaping_holds_in_open_graph_tags(site):
    page = read(site, "acties/buddy-haaglanden/")
    match = re.search(r'<meta property="og:title" content="([^"]*)">', page)
    assert match and html.unescape(match.group(1)) == "Buddy's & <starters> in Haaglanden"


def test_facet_pages_link_their_feed_in_the_page_not_the_head(site):
    page = read(site, "acties/regio/zuid-holland/")
    # By the feed's page, which says what a feed is and gives its address to copy.
    assert '<a href="../../../volgen/regio/zuid-holland/">Volg deze acties met een feed</a>' in page
    assert "application/atom+xml" not in page
    # Material fetches sitemap.xml beside every link[rel=alternate], a second download of
    # the whole sitemap: only the home page and /volgen/ announce the site's feed.
    assert not re.findall(r'<link rel="alternate"', page)
    for address in ("", "volgen/"):
        alternates = re.findall(r'<link rel="alternate"[^>]*href="([^"]+)"', read(site, address))
        assert alternates == [f"{'../' if address else ''}feed.xml"], address


def test_contributor_markup_in_a_title_never_reaches_any_page_as_markup(site):
    # The sample title is "Buddy's & <starters> in Haaglanden": every page, feed and
    # card that shows it must show it as text.
    seen = 0
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".xml") and path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "<starters>" not in text, path.relative_to(site)
            seen += "&lt;starters&gt;" in text
    assert seen >= 10  # action, catalogue, facet pages, home, case, feeds


def test_shared_images_state_their_size(site):
    action = read(site, "acties/buddy-haaglanden/")
    assert '<meta property="og:image:width" content="1200">' in action
    assert '<meta property="og:image:height" content="630">' in action
    case = read(site, "verhalen/verhaal-buddy/")
    assert '<meta property="og:image:width" content="1600">' in case
    assert '<meta property="og:image:height" content="800">' in case


def test_links_to_entry_source_files_lead_to_their_pages(site):
    flexpool = read(site, "acties/flexpool-twente/")
    assert 'href="../buddy-haaglanden/#aanpak"' in flexpool
    about = read(site, "over/")
    assert 'href="../verhalen/verhaal-buddy/"' in about


def test_evidence_costs_and_effect_pages_list_the_actions_and_explain_themselves(site):
    measured = read(site, "acties/bewijs/gemeten/")
    assert "<h1>Bewijs: Gemeten</h1>" in measured and slugs_in(measured) == ["buddy-haaglanden"]
    unknown = read(site, "acties/kosten/niet-bekend/")
    assert "<h1>Kosten: Niet bekend</h1>" in unknown
    assert sorted(slugs_in(unknown)) == ["flexpool-twente", "leerhuis-landelijk"]
    none = read(site, "acties/effect/geen-resultaten/")
    # An outcome without a figure and a source is no measured result (content/facts.py).
    assert "<h1>Effect: Niet gemeten</h1>" in none
    assert sorted(slugs_in(none)) == ["flexpool-twente", "leerhuis-landelijk"]
    feed = ElementTree.parse(site / "acties/bewijs/gemeten/feed.xml").getroot()
    assert [e.find(f"{ATOM}id").text.rsplit("/", 2)[1] for e in feed.findall(f"{ATOM}entry")] == [
        "buddy-haaglanden"
    ]
    # The measure facet says what it is: what was measured, whatever the result.
    assert "<h1>Gemeten op: Uitstroom</h1>" in read(site, "acties/resultaat/uitstroom/")


def test_the_ladder_page_explains_each_step_and_counts_its_actions(site):
    page = read(site, "bewijs/")
    ladder = page.split("<caption>De bewijsladder</caption>", 1)[1].split("</table>", 1)[0]
    steps = re.findall(r'<th scope="row">([^<]+)</th>', ladder)
    assert steps == [
        "Idee",
        "Beschreven",
        "Ervaringen",
        "Gemeten",
        "Herhaald gemeten",
        "Onderzocht",
        "Niet opgegeven",
    ]
    assert '<a href="../acties/bewijs/gemeten/">1 actie</a>' in ladder
    assert "Een uitkomst is op één plek gemeten" in ladder
    assert "<caption>De kostenniveaus</caption>" in page


def test_every_card_carries_evidence_costs_and_result_in_words(site):
    cards = read(site, "acties/").split('<li class="ab-card"')[1:]
    assert len(cards) == 3
    for card in cards:
        assert "<dt>Bewijs</dt>" in card and "<dt>Kosten</dt>" in card
        assert "<dt>Resultaat</dt>" in card
    flexpool = next(c for c in cards if 'data-slug="flexpool-twente"' in c)
    assert "<dd>Niet bekend</dd>" in flexpool and "<dd>Nog geen resultaten</dd>" in flexpool
    assert '<a href="../bewijs/">Niet opgegeven</a>' in flexpool


def test_an_action_with_an_amount_but_no_cost_level_shows_the_amount(built_site):
    """Coronabanen names its budget, not a level: its card says the amount, never
    "Niet bekend", and the "not known" value's page says that an amount may be there."""
    page = (built_site / "acties" / "index.html").read_text(encoding="utf-8")
    card = page.split('data-slug="coronabanen-in-de-zorg"', 1)[1].split("</li>", 1)[0]
    assert "<dt>Kosten</dt><dd>€\u00a080.000.000 in totaal</dd>" in card
    assert "Niet bekend" not in card
    unknown = (built_site / "acties" / "kosten" / "niet-bekend" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Staat er een ander bedrag bij" in unknown


def test_a_stopped_action_says_why_on_its_card(built_site):
    page = (built_site / "acties" / "index.html").read_text(encoding="utf-8")
    card = page.split('data-slug="flexpertise-zorg-apeldoorn"', 1)[1].split("</li>", 1)[0]
    why = "De drie overgebleven organisaties vonden dat de doelen onvoldoende waren gehaald"
    assert f"<strong>Waarom gestopt:</strong> {why}" in card


def test_facet_addresses_are_dutch_and_every_old_one_arrives(site):
    # Dutch names in addresses; the front matter keeps its English slugs.
    assert slugs_in(read(site, "acties/status/loopt/")) == ["buddy-haaglanden"]
    for old, new in (
        ("acties/status/running/", "acties/status/loopt/"),
        ("acties/resultaat/outflow/", "acties/resultaat/uitstroom/"),
        ("acties/interventie/buddy/", "acties/interventie/buddysysteem/"),
    ):
        page = read(site, old)
        assert f'<meta http-equiv="refresh" content="0; url=../../../{new}">' in page
        assert f'<link rel="canonical" href="https://actiebank.github.io/actiebank/{new}">' in page
        assert f'<a href="../../../{new}">' in page and 'name="robots" content="noindex"' in page
        assert "Content-Security-Policy" in page
        # A feed reader does not follow pages: the old feed address holds a feed of its own
        # (its own id) with one entry that says where the feed is now.
        moved = ElementTree.parse(site / old / "feed.xml").getroot()
        current = ElementTree.parse(site / new / "feed.xml").getroot()
        assert moved.findtext(f"{ATOM}id") == f"https://actiebank.github.io/actiebank/{old}feed.xml"
        assert (
            current.findtext(f"{ATOM}id") == f"https://actiebank.github.io/actiebank/{new}feed.xml"
        )
        (notice,) = moved.findall(f"{ATOM}entry")
        assert notice.findtext(f"{ATOM}title") == "Bericht: Deze feed heeft een nieuw adres"
        assert current.findtext(f"{ATOM}id") in notice.findtext(f"{ATOM}summary")
        feed_page = "volgen/" + new.removeprefix("acties/")
        assert notice.find(f"{ATOM}link").get("href").endswith("/actiebank/" + feed_page)
    # Old addresses are files, not pages: not in the sitemap, not in search.
    assert "/acties/status/running/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_catalogue_knows_the_old_names_of_values_for_old_query_strings(site):
    page = read(site, "acties/")
    aliases = json.loads(html.unescape(re.search(r'data-aliases="([^"]*)"', page).group(1)))
    assert aliases["sector"]["hospitals"] == "ziekenhuizen"
    assert aliases["status"]["running"] == "loopt" and "vvt" not in aliases["sector"]


def test_a_facet_page_explains_its_value(site):
    page = read(site, "acties/succesfactor/onboarding/")
    assert '<p class="ab-intro">Acties voor een goede start van nieuwe medewerkers' in page
