"""The Rasa server's input channels (REST, socket.io, Messenger), the input guard they share and the HTTP API guard."""
