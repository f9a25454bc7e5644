"""Small helpers several apps share: settings from the environment (env), when to try a
failed job again (retries), email through the task queue (mail), a form sent with a stale
token (csrf), files written whole (storage), the worker's housekeeping (jobs) and plain text
from what people type (text).

The bottom layer: it imports Django and its libraries, never one of the project's apps."""
