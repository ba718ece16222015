// The browser collections share two cores with a local host, Azurite and chromium: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
