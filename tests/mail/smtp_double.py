"""A small SMTP server on 127.0.0.1 for the mail tests and the benchmark (aiosmtpd is not a
dependency): it speaks enough RFC 5321 for smtplib, keeps every message it accepted, and can
refuse every n-th connection with "421" or answer slowly, like a busy mail server."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage


class _Handler(socketserver.StreamRequestHandler):
    server: SMTPDouble

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        if self.server.refuse_now():
            self.reply("421 4.3.2 Service not available, try again later")
            return
        self.reply("220 smtp-double ESMTP")
        sender, recipients = "", []
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 smtp-double")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip("<> "), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:].strip("<> "))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = bytearray()
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                time.sleep(self.server.delay)
                self.server.accept(sender, recipients, bytes(data))
                self.reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class SMTPDouble(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, refuse_every: int = 0, delay: float = 0.0, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.refuse_every = refuse_every
        self.delay = delay
        self.connections = 0
        self.refused = 0
        self.received: list[tuple[str, list[str], bytes]] = []
        self._lock = threading.Lock()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def refuse_now(self) -> bool:
        with self._lock:
            self.connections += 1
            refuse = bool(self.refuse_every) and self.connections % self.refuse_every == 0
            self.refused += refuse
            return refuse

    def accept(self, sender: str, recipients: list[str], data: bytes) -> None:
        with self._lock:
            self.received.append((sender, recipients, data))

    def messages(self) -> list[EmailMessage]:
        """The accepted messages, parsed by the standard library's parser."""
        return [message_from_bytes(data, policy=policy.default) for _s, _r, data in self.received]

    def __enter__(self) -> SMTPDouble:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":  # a standalone double for the benchmark: port [refuse_every delay]
    import sys

    port = int(sys.argv[1])
    server = SMTPDouble(
        refuse_every=int(sys.argv[2]) if len(sys.argv) > 2 else 0,
        delay=float(sys.argv[3]) if len(sys.argv) > 3 else 0.0,
        port=port,
    )
    with server:
        try:
            while True:
                time.sleep(1)
        finally:
            print(f"received {len(server.received)} refused {server.refused}", flush=True)
