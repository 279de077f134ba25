"""The ``newsfuse`` command line: thin commands over the library."""
