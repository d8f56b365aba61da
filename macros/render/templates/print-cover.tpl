{#- The cover of the printed book (mkdocs-print-site-plugin), in Dutch. -#}
<div class="pig-cover">
  <h1>{{ config.site_name }}</h1>
  {#- The subtitle is the web edition's description of the book. -#}
  {% if config.site_description %}<p class="pig-web">{{ config.site_description }}</p>{% endif %}
  {% if config.site_author %}<p>{{ config.site_author }}</p>{% endif %}
</div>
