"""An upload handler that refuses a request larger than ``settings.MAX_UPLOAD_BYTES``.

It looks at Content-Length first (nothing is read when it is already too big) and then
counts bytes as they stream, so a lying client is stopped too. Files always stream to
temporary files (the memory handler is not installed), never into memory.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

# Room for the multipart envelope and form fields around the files themselves.
ENVELOPE_BYTES = 1024 * 1024


class CappedUploadHandler(FileUploadHandler):
    """Stops an upload past the cap and marks the request with ``upload_too_large = True``."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.received = 0

    def _refuse(self) -> None:
        if self.request is not None:
            self.request.upload_too_large = True

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> tuple[QueryDict, MultiValueDict] | None:
        if content_length and content_length > settings.MAX_UPLOAD_BYTES + ENVELOPE_BYTES:
            self._refuse()
            return QueryDict(mutable=True), MultiValueDict()
        return None

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.MAX_UPLOAD_BYTES:
            self._refuse()
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
