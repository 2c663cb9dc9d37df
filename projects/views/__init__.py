"""Function views, one module per area. Each starts with an access check (selectors),
then form → service → page or htmx fragment."""
