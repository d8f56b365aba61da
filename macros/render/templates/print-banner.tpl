{#- Above the whole book on screen (mkdocs-print-site-plugin's banner), never
    on paper (the plugin's print-site.css and assets/site.css hide it in
    print): what printing gives, and the button. The number of pages is
    measured: Chromium prints this page on that many A4 pages, and
    tests/test_browser_worksheets.py fails when it is more than a few off.
    Plain Jinja of the plugin (config and page only); the link is relative
    to print_page.html at the site's root. -#}
<div class="pig-print-intro pig-ui">
<p><strong>Afdrukken geeft ongeveer 105 pagina’s A4</strong> (staand): een omslag, een colofon, de inhoud, alle delen en bijlagen, en elk werkblad op een eigen vel. Knoppen, menu’s en antwoordvelden worden niet afgedrukt; de werkbladen zijn leeg.</p>
<p>Alleen een paar werkbladen nodig? Stel ze samen in de <a href="werkbladen/werkmap.html">werkmap</a>.</p>
<p class="pig-print-intro__actions"><button type="button" class="md-button md-button--primary pig-print-button pig-needs-js">Het hele werkboek afdrukken</button></p>
</div>
