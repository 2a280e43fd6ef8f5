"""One story from many reports: syndication groups, event clusters, cluster records, stories.

- :mod:`.syndication`: ``assign_groups(documents)`` near-duplicate documents (MinHash + LSH);
- :mod:`.clusters`: ``assign_clusters(events, documents, existing)`` and
  ``build_clusters(events, documents)`` (SPEC §2 cluster records);
- :mod:`.stories`: ``build_stories(clusters, events)`` clusters linked over time.
"""
