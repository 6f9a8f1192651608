"""janitor: purge expired objects in the background."""
