{#- The cover of the printed book (mkdocs-print-site-plugin), in Dutch. -#}
<div class="pig-cover">
  <h1>{{ config.site_name }}</h1>
  {% if config.site_description %}<p>{{ config.site_description }}</p>{% endif %}
  {% if config.site_author %}<p>{{ config.site_author }}</p>{% endif %}
</div>
