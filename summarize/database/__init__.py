"""OUT/summaries.db: the reports of a batch, their officials, projects, campaigns, targets and key
points, the people merged across reports, and full-text search (docs/database.md).

Modules: schema (tables), rows (one report's rows), people and places (merging officials into
people), write (bringing the database in step with the batch records), build (summarize db build),
query (people and search for the commands). Nothing imports sqlite-utils until a database is opened.
"""
