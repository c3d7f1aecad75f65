# Serverless Workbench's Python runtime client: what Lambda's Python runtime interface client does inside an
# execution environment, with the standard library only. Loads `_HANDLER` (`package/module.function`) from
# LAMBDA_TASK_ROOT and loops on the Runtime API at AWS_LAMBDA_RUNTIME_API, reporting errors in Lambda's shapes.
import http.client
import importlib
import json
import logging
import os
import signal
import sys
import threading
import time
import traceback

RUNTIME_API = os.environ["AWS_LAMBDA_RUNTIME_API"]
TASK_ROOT = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
HANDLER = os.environ.get("_HANDLER", "")


def guard_against_orphaning():
    # If the editor or CLI that started us dies, end the whole process group: nobody else will. The parent
    # names itself (--parent-pid), because under load it may already be gone before this line runs.
    parent = int(sys.argv[sys.argv.index("--parent-pid") + 1]) if "--parent-pid" in sys.argv else os.getppid()

    def watch():
        while True:
            if os.getppid() != parent:
                try:
                    os.killpg(os.getpgrp(), signal.SIGKILL)
                finally:
                    os._exit(1)
            time.sleep(0.25)

    threading.Thread(target=watch, daemon=True).start()


class LambdaError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


class Connection:
    def __init__(self):
        host, port = RUNTIME_API.split(":")
        self.conn = http.client.HTTPConnection(host, int(port))

    def call(self, method, path, body=None, headers=None):
        self.conn.request(method, path, body=body, headers=headers or {})
        response = self.conn.getresponse()
        return response.status, response.getheaders(), response.read()


def error_body(error):
    if isinstance(error, LambdaError):
        return {"errorMessage": str(error), "errorType": error.error_type, "requestId": "", "stackTrace": []}
    # As Lambda's client does, the trace starts at the first frame outside the runtime itself.
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename != __file__]
    return {
        "errorMessage": str(error),
        "errorType": type(error).__name__,
        "requestId": "",
        "stackTrace": [line for line in traceback.format_list(frames)],
    }


def post_error(conn, path, error, request_id=""):
    body = error_body(error)
    body["requestId"] = request_id
    # Lambda's log of an error: the type and message, then the trace under Python's own heading.
    lines = ["[ERROR] %s: %s" % (body["errorType"], body["errorMessage"]), "Traceback (most recent call last):"]
    for element in body["stackTrace"]:
        lines.extend(element.splitlines())
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    conn.call("POST", path, json.dumps(body), {"Lambda-Runtime-Function-Error-Type": body["errorType"]})


def load_handler():
    try:
        module_path, function_name = HANDLER.rsplit(".", 1)
    except ValueError:
        raise LambdaError("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack" % HANDLER)
    module_name = module_path.replace("/", ".")
    sys.path.insert(0, TASK_ROOT)
    # The runtime's SDK (boto3) from Serverless Workbench's cache, after everything of the function's own, as
    # Lambda's /var/runtime comes after /var/task and the layers.
    if "--sdk-path" in sys.argv:
        sys.path.append(sys.argv[sys.argv.index("--sdk-path") + 1])
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as error:
        raise LambdaError(
            "Runtime.UserCodeSyntaxError",
            "Syntax error in module '%s': %s (%s, line %s)" % (module_name, error.msg, os.path.basename(error.filename or ""), error.lineno),
        )
    except ImportError as error:
        raise LambdaError("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, error))
    handler = getattr(module, function_name, None)
    if handler is None:
        raise LambdaError("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return handler


class Context:
    def __init__(self, headers):
        env = os.environ
        self.function_name = env.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = env.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.memory_limit_in_mb = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id")
        self.log_group_name = env.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = env.get("AWS_LAMBDA_LOG_STREAM_NAME")
        identity = headers.get("lambda-runtime-cognito-identity")
        client_context = headers.get("lambda-runtime-client-context")
        self.identity = json.loads(identity) if identity else None
        self.client_context = json.loads(client_context) if client_context else None
        self._deadline_ms = int(headers.get("lambda-runtime-deadline-ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


class RequestIdFilter(logging.Filter):
    request_id = ""

    def filter(self, record):
        record.aws_request_id = RequestIdFilter.request_id
        return True


def configure_logging():
    # Lambda's format for the logging module: level, time, request ID, message.
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)


def wait_for_debugger():
    # Debugging: listen for the editor's debugpy client only now that the orphan guard runs, and wait for it.
    if "--debugpy-port" in sys.argv:
        import debugpy

        debugpy.listen(("127.0.0.1", int(sys.argv[sys.argv.index("--debugpy-port") + 1])))
        debugpy.wait_for_client()


def main():
    guard_against_orphaning()
    wait_for_debugger()
    configure_logging()
    conn = Connection()
    try:
        handler = load_handler()
    except Exception as error:
        post_error(conn, "/2018-06-01/runtime/init/error", error)
        os._exit(1)
    while True:
        status, header_list, body = conn.call("GET", "/2018-06-01/runtime/invocation/next")
        headers = {k.lower(): v for k, v in header_list}
        request_id = headers.get("lambda-runtime-aws-request-id", "")
        RequestIdFilter.request_id = request_id
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("lambda-runtime-trace-id", "")
        base = "/2018-06-01/runtime/invocation/%s" % request_id
        try:
            result = handler(json.loads(body or b"null"), Context(headers))
        except Exception as error:
            post_error(conn, base + "/error", error, request_id)
            continue
        try:
            payload = json.dumps(result)
        except (TypeError, ValueError) as error:
            post_error(conn, base + "/error", LambdaError("Runtime.MarshalError", "Unable to marshal response: %s" % error), request_id)
            continue
        conn.call("POST", base + "/response", payload, {"Content-Type": "application/json"})


if __name__ == "__main__":
    try:
        main()
    except (ConnectionError, http.client.HTTPException):
        sys.exit(1)  # The Runtime API is gone: our parent stopped, so do we.
