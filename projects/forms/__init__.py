"""The forms of the web app, one module per page or panel: each cleans what a person
typed; building the edit from it belongs to the core."""
