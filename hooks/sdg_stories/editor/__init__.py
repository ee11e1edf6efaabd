"""The web editor: the vendored Decap CMS (decap/) and `sdg-stories editor`, its local mode (local_server.py)."""
