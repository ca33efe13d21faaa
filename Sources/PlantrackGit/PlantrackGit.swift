// Placeholder until the libgit2 layer lands.
