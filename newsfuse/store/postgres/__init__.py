"""The PostgreSQL backend of the store: the shared store for several writers and readers on several machines."""
