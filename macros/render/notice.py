"""The one note on where a reader's answers are kept, on every page where
answers are typed (worksheets, reflections, the mindset test, "Mijn
antwoorden"). One wording everywhere."""

PRIVACY_TEXT = "Je antwoorden blijven alleen in deze browser, op dit apparaat. Niemand anders ziet ze."

# Shown once the script runs (pig-needs-js keeps its place until then); a
# note of the site on its own controls (pig-ui).
PRIVACY_NOTE = f'<p class="pig-privacy pig-ui pig-needs-js">{PRIVACY_TEXT}</p>'
