"""chatboard: a status page, a headline proxy and a websocket chat room."""
