{#- The cover of the printed book (mkdocs-print-site-plugin), in Dutch. -#}
{#- The cover is the web edition's (the build adds which edition, and
    the colophon after it: macros/render/edition.py). -#}
<div class="pig-cover pig-web">
  <h1>{{ config.site_name }}</h1>
  {#- The subtitle is the web edition's description of the book. -#}
  {% if config.site_description %}<p>{{ config.site_description }}</p>{% endif %}
  {% if config.site_author %}<p>{{ config.site_author }}</p>{% endif %}
</div>
