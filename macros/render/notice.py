"""The one note on where a reader's answers are kept, on every page where
answers are typed (worksheets, reflections, the mindset test, "Mijn
antwoorden"). One wording everywhere: change it here."""

PRIVACY_TEXT = "Je antwoorden blijven alleen in deze browser, op dit apparaat; ze worden nergens heen gestuurd."

# Shown once the script runs (pig-needs-js keeps its place until then); the
# web edition's own words (pig-web).
PRIVACY_NOTE = f'<p class="pig-privacy pig-web pig-needs-js">{PRIVACY_TEXT}</p>'
