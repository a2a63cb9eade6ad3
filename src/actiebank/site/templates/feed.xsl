<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an Actiebank feed in a browser as a Dutch page: what a feed is, how to follow
     it, and its entries. Feed readers ignore this file. No scripts and no outside files:
     the page stays readable without anything else. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="no"/>

<xsl:template match="/atom:feed">
<html lang="nl">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title><xsl:value-of select="atom:title"/> (feed)</title>
<style>
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 0 0 0.25rem; }
a { color: #0b4f8a; text-decoration: underline; }
a:hover { color: #062f55; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
.ab-feed-note { background: #eef4fa; border-left: 4px solid #0b4f8a; padding: 0.75rem 1rem; margin: 0 0 1rem; }
.ab-feed-address { display: block; padding: 0.5rem; background: #f4f4f4; border: 1px solid #767676; overflow-wrap: anywhere; font-family: ui-monospace, Consolas, monospace; }
.ab-feed-entries { list-style: none; padding: 0; margin: 0; }
.ab-feed-entries li { border-top: 1px solid #c4c4c4; padding: 1rem 0; }
.ab-feed-date { color: #4a4a4a; margin: 0 0 0.25rem; font-size: 0.95rem; }
.ab-feed-links a { display: inline-block; min-height: 24px; padding: 0.125rem 0; }
@media (prefers-color-scheme: dark) {
  body { color: #f0f0f0; background: #161616; }
  a { color: #9ccbff; }
  a:hover { color: #cfe6ff; }
  a:focus-visible { outline-color: #f0f0f0; }
  .ab-feed-note { background: #1f2a36; border-left-color: #9ccbff; }
  .ab-feed-address { background: #222; border-color: #8a8a8a; }
  .ab-feed-entries li { border-top-color: #555; }
  .ab-feed-date { color: #c8c8c8; }
}
</style>
</head>
<body>
<main>
<p class="ab-feed-note">Dit is een <strong>feed</strong> van de Actiebank. U kunt deze pagina volgen met een feedlezer.</p>
<h1><xsl:value-of select="atom:title"/></h1>
<p class="ab-feed-links">
<a href="{atom:link[@rel='alternate']/@href}">Op de website bekijken</a>
<xsl:text> · </xsl:text>
<a href="{atom:link[@rel='related']/@href}">Alle feeds van de Actiebank</a>
</p>

<h2 id="wat-is-een-feed">Wat is een feed?</h2>
<p>Een feed is een lijst met de nieuwste berichten van een website. Deze feed toont wat er nieuw is in de Actiebank. U hoeft de website dan niet steeds zelf te bekijken. Een feed kost niets en u geeft er geen gegevens voor op.</p>

<h2 id="zo-volgt-u">Zo volgt u deze feed</h2>
<p>Met een <strong>feedlezer</strong>. Dat is een app of website die feeds voor u bijhoudt. Er zijn veel gratis feedlezers. Ook sommige e-mailprogramma's kunnen feeds lezen.</p>
<ol>
<li>Kopieer het adres van deze feed:<br/><code class="ab-feed-address"><xsl:value-of select="atom:link[@rel='self']/@href"/></code></li>
<li>Open uw feedlezer en kies <q>Feed toevoegen</q> of <q>Abonneren</q>.</li>
<li>Plak het adres. Nieuwe acties ziet u daarna vanzelf in uw feedlezer.</li>
</ol>
<p>Liever <strong>per e-mail</strong>? Er zijn diensten die een feed voor u volgen. Zij sturen u een e-mail als er iets nieuws is. Geef bij zo'n dienst het adres van deze feed op.</p>

<h2 id="nieuwste">Nieuwste berichten in deze feed</h2>
<xsl:choose>
<xsl:when test="atom:entry">
<ul class="ab-feed-entries">
<xsl:for-each select="atom:entry">
<li>
<h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
<p class="ab-feed-date">Bijgewerkt op <time datetime="{substring(atom:updated, 1, 10)}"><xsl:call-template name="dutch-date"><xsl:with-param name="date" select="substring(atom:updated, 1, 10)"/></xsl:call-template></time></p>
<p><xsl:value-of select="atom:summary"/></p>
</li>
</xsl:for-each>
</ul>
</xsl:when>
<xsl:otherwise><p>Deze feed heeft nog geen berichten.</p></xsl:otherwise>
</xsl:choose>
</main>
</body>
</html>
</xsl:template>

<!-- '2024-05-01' as '1 mei 2024' -->
<xsl:template name="dutch-date">
<xsl:param name="date"/>
<xsl:variable name="month" select="number(substring($date, 6, 2))"/>
<xsl:value-of select="number(substring($date, 9, 2))"/>
<xsl:text> </xsl:text>
<xsl:choose>
<xsl:when test="$month = 1">januari</xsl:when>
<xsl:when test="$month = 2">februari</xsl:when>
<xsl:when test="$month = 3">maart</xsl:when>
<xsl:when test="$month = 4">april</xsl:when>
<xsl:when test="$month = 5">mei</xsl:when>
<xsl:when test="$month = 6">juni</xsl:when>
<xsl:when test="$month = 7">juli</xsl:when>
<xsl:when test="$month = 8">augustus</xsl:when>
<xsl:when test="$month = 9">september</xsl:when>
<xsl:when test="$month = 10">oktober</xsl:when>
<xsl:when test="$month = 11">november</xsl:when>
<xsl:otherwise>december</xsl:otherwise>
</xsl:choose>
<xsl:text> </xsl:text>
<xsl:value-of select="substring($date, 1, 4)"/>
</xsl:template>
</xsl:stylesheet>
