"""`csorg audit`: an existing org chart (``orgfile``) compared with the recommendation
(``compare``)."""
