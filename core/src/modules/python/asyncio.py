"""Asynchronous I/O, the part of asyncio used to teach coroutines.

pylife's own small version of CPython 3.11's asyncio, with its scheduling
rules kept (a FIFO of ready callbacks, timers on a heap, a Task stepping
its coroutine with send()/throw(), futures waking their waiters through
call_soon), so interleavings print in CPython's order.  Present: run,
sleep, create_task, gather, wait_for, wait, as_completed, shield-free
cancellation, current_task, all_tasks, get_running_loop, get_event_loop,
new_event_loop, Future, Task, Queue, Event, Lock, Semaphore,
iscoroutine, iscoroutinefunction, CancelledError, TimeoutError,
InvalidStateError, QueueEmpty, QueueFull.  No sockets, subprocesses,
threads, executors or async generators.
"""

import collections
import heapq
import time as _time

__all__ = [
    "run", "sleep", "create_task", "gather", "wait_for", "wait", "as_completed",
    "current_task", "all_tasks", "get_running_loop", "get_event_loop", "new_event_loop",
    "set_event_loop", "ensure_future", "Future", "Task", "Queue", "Event", "Lock",
    "Semaphore", "iscoroutine", "iscoroutinefunction", "CancelledError", "TimeoutError",
    "InvalidStateError", "QueueEmpty", "QueueFull", "FIRST_COMPLETED", "FIRST_EXCEPTION",
    "ALL_COMPLETED",
]


class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    __module__ = "asyncio.exceptions"


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
    __module__ = "asyncio.exceptions"


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""
    __module__ = "asyncio.queues"


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""
    __module__ = "asyncio.queues"


TimeoutError = TimeoutError  # asyncio.TimeoutError is the built-in one in 3.11

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def _probe():
    pass

_probe_coro = _probe()
_probe_coro.close()
_CoroutineType = type(_probe_coro)
del _probe_coro


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    return type(obj) is _CoroutineType


def iscoroutinefunction(func):
    """Return True if func is a coroutine function (async def)."""
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


# ---- the running loop -------------------------------------------------------

_running_loop = None
_current_loop = None
_task_counter = 0


def _get_running_loop():
    return _running_loop


def get_running_loop():
    """Return the running event loop; RuntimeError when none runs."""
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def get_event_loop():
    """The running loop, or the current one (made on first use)."""
    global _current_loop
    if _running_loop is not None:
        return _running_loop
    if _current_loop is None or _current_loop.is_closed():
        _current_loop = new_event_loop()
    return _current_loop


def set_event_loop(loop):
    global _current_loop
    _current_loop = loop


def new_event_loop():
    return EventLoop()


class Handle:
    """A callback scheduled on the loop (call_soon)."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": f"Exception in callback {self._callback!r}",
                "exception": exc,
            })


class TimerHandle(Handle):
    """A callback scheduled for a time (call_later, call_at)."""

    def __init__(self, when, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when
        self._scheduled = False

    def __lt__(self, other):
        return self._when < other._when

    def __le__(self, other):
        return self._when < other._when or self._when == other._when

    def __gt__(self, other):
        return self._when > other._when

    def __ge__(self, other):
        return self._when > other._when or self._when == other._when

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    __hash__ = None

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        Handle.cancel(self)

    def when(self):
        return self._when


class EventLoop:
    """A single-threaded event loop: ready callbacks in FIFO order, timers
    on a heap, sleeping (time.sleep) until the next timer is due."""

    _clock_resolution = 1e-09

    def __init__(self):
        self._ready = collections.deque()
        self._scheduled = []
        self._stopping = False
        self._closed = False
        self._tasks = []
        self._timer_cancelled_count = 0

    def __repr__(self):
        return (f"<_UnixSelectorEventLoop running={self.is_running()} "
                f"closed={self._closed} debug=False>")

    def time(self):
        return _time.monotonic()

    def is_running(self):
        return _running_loop is self

    def is_closed(self):
        return self._closed

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._tasks = []

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = TimerHandle(when, callback, args, self)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        task = Task(coro, loop=self, name=name)
        return task

    def call_exception_handler(self, context):
        import sys
        message = context.get("message", "Unhandled exception in event loop")
        exc = context.get("exception")
        text = message
        if "future" in context:
            text += f"\nfuture: {context['future']!r}"
        if exc is not None:
            text += f"\n{type(exc).__name__}: {exc}" if str(exc) else f"\n{type(exc).__name__}"
        print(text, file=sys.stderr)

    def stop(self):
        self._stopping = True

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        global _running_loop
        self._check_closed()
        self._check_running()
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            _running_loop = None

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not isinstance(future, Future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        # Drop cancelled timers from the top of the heap.
        while self._scheduled and self._scheduled[0]._cancelled:
            self._timer_cancelled_count -= 1
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = min(max(0, self._scheduled[0]._when - self.time()), 86400)
        if timeout is None:
            # CPython would wait forever for I/O that cannot come.
            raise RuntimeError("pylife: the event loop has nothing left to run "
                               "(every task waits for a future nobody will set)")
        if timeout > 0:
            _time.sleep(timeout)
        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
        ntodo = len(self._ready)
        for _ in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                continue
            handle._run()
        handle = None

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass


def _stop_loop(fut):
    fut._loop.stop()


# ---- futures and tasks --------------------------------------------------------

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Future:
    """A result that will be set later; awaiting it waits for it."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f"exception={self._exception!r}")
            else:
                info.append(f"result={self._result!r}")
        return info

    def __repr__(self):
        return f"<{self.__class__.__name__} {' '.join(self._repr_info())}>"

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self  # the Task waits for it
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


class Task(Future):
    """A coroutine scheduled to run on the loop, step by step."""

    def __init__(self, coro, *, loop=None, name=None):
        global _task_counter
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            _task_counter += 1
            self._name = f"Task-{_task_counter}"
        else:
            self._name = str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._num_cancels_requested = 0
        self._loop.call_soon(self._step)
        self._loop._tasks.append(self)

    def _repr_info(self):
        info = [self._state.lower()]
        if self._must_cancel:
            info[0] = "cancelling"
        info.append(f"name={self._name!r}")
        code = self._coro.cr_code
        where = f"{code.co_filename}:{code.co_firstlineno}"
        if self.done():
            info.append(f"coro=<{self._coro.__qualname__}() done, defined at {where}>")
        else:
            info.append(f"coro=<{self._coro.__qualname__}() running, defined at {where}>")
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f"exception={self._exception!r}")
            else:
                info.append(f"result={self._result!r}")
        if self._fut_waiter is not None:
            info.append(f"wait_for={self._fut_waiter!r}")
        return info

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _step(self, exc=None):
        global _current_task
        if self.done():
            raise InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        previous = _current_task
        _current_task = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError:
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as error:
            Future.set_exception(self, error)
            raise
        except BaseException as error:
            Future.set_exception(self, error)
        else:
            blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking is not None:
                if result._loop is not self._loop:
                    self._loop.call_soon(self._step, RuntimeError(
                        f"Task {self!r} got Future {result!r} attached to a different loop"))
                elif blocking:
                    if result is self:
                        self._loop.call_soon(self._step, RuntimeError(
                            f"Task cannot await on itself: {self!r}"))
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self._wakeup)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    self._loop.call_soon(self._step, RuntimeError(
                        f"yield was used instead of yield from in task {self!r} with {result!r}"))
            elif result is None:
                # A bare yield (sleep(0)) gives the other tasks one turn.
                self._loop.call_soon(self._step)
            else:
                self._loop.call_soon(self._step, RuntimeError(f"Task got bad yield: {result!r}"))
        finally:
            _current_task = previous
        if self.done():
            self._loop._tasks.remove(self)
            self._coro = _DoneCoro(coro)
        self = None

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()
        self = None


class _DoneCoro:
    """What a finished task keeps of its coroutine (names for its repr),
    so the coroutine's frame and the task do not keep each other."""

    def __init__(self, coro):
        self.__qualname__ = coro.__qualname__
        self.cr_code = coro.cr_code


_current_task = None


def current_task(loop=None):
    """The Task running now, or None."""
    if loop is None:
        get_running_loop()
    return _current_task


def all_tasks(loop=None):
    """The loop's tasks not done yet."""
    if loop is None:
        loop = get_running_loop()
    return {t for t in loop._tasks if not t.done()}


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, "__await__"):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(awaitable):
    return await awaitable


def create_task(coro, *, name=None, context=None):
    """Schedule the coroutine to run as a Task; return the Task."""
    loop = get_running_loop()
    return loop.create_task(coro, name=name)


# ---- sleeping ------------------------------------------------------------------

class _Sleep0:
    """Awaiting it yields once: the task gives every other ready callback
    one turn (CPython's __sleep0)."""

    def __await__(self):
        yield


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


# ---- running a program ---------------------------------------------------------

def run(main, *, debug=None):
    """Execute the coroutine and return the result, in a new event loop
    that is closed at the end (pending tasks are cancelled first)."""
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    loop = new_event_loop()
    set_event_loop(loop)
    try:
        task = loop.create_task(main)
        return loop.run_until_complete(task)
    finally:
        try:
            _cancel_all_tasks(loop)
        finally:
            set_event_loop(None)
            loop.close()


def _cancel_all_tasks(loop):
    to_cancel = [t for t in loop._tasks if not t.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


# ---- waiting for several -------------------------------------------------------

class _GatheringFuture(Future):
    """The outer future of gather(): cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


class _Gather:
    """gather()'s done-callback: counts finished children and completes
    the outer future (as CPython's _done_callback closure does)."""

    def __init__(self, return_exceptions):
        self.return_exceptions = return_exceptions
        self.children = []
        self.nfuts = 0
        self.nfinished = 0
        self.outer = None

    def done_callback(self, fut):
        self.nfinished += 1
        outer = self.outer
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            self._finish()
            return
        if not self.return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                self._finish()
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                self._finish()
                return
        if self.nfinished == self.nfuts:
            results = []
            for child in self.children:
                if child.cancelled():
                    res = CancelledError("" if child._cancel_message is None else child._cancel_message)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)
            self._finish()

    def _finish(self):
        if self.nfinished == self.nfuts:
            self.outer = None
            self.children = []


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; the result is the list of their
    results in the order given."""
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    state = _Gather(return_exceptions)
    arg_to_fut = {}
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            state.nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(state.done_callback)
        else:
            fut = arg_to_fut[arg]
        state.children.append(fut)
    outer = _GatheringFuture(list(state.children), loop=loop)
    state.outer = outer
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    waiter = fut._loop.create_future()
    cb = _Releaser(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


class _Releaser:
    def __init__(self, waiter):
        self.waiter = waiter

    def __call__(self, *args):
        _release_waiter(self.waiter)


async def wait_for(fut, timeout):
    """Wait for a single awaitable with a timeout (TimeoutError)."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = _Releaser(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


class _Waiter:
    def __init__(self, waiter, counter, return_when):
        self.waiter = waiter
        self.counter = counter
        self.return_when = return_when

    def __call__(self, f):
        self.counter -= 1
        if (self.counter <= 0 or self.return_when == FIRST_COMPLETED or
                self.return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if not self.waiter.done():
                self.waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures (or tasks) in fs; return (done, pending) sets."""
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    loop = get_running_loop()
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = _Waiter(waiter, len(fs), return_when)
    for f in fs:
        f.add_done_callback(counter)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(counter)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """The awaitables as coroutines to await in the order they finish."""
    loop = get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in set(fs)]
    done = Queue()
    for f in todo:
        f.add_done_callback(done.put_nowait)
    return [_next_done(done) for _ in range(len(todo))]


async def _next_done(done):
    f = await done.get()
    return f.result()


# ---- synchronisation -------------------------------------------------------------

class Event:
    """An event that tasks can wait for until it is set."""

    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def __repr__(self):
        extra = "set" if self._value else "unset"
        if self._waiters:
            extra = f"{extra}, waiters:{len(self._waiters)}"
        return f"<asyncio.locks.Event object [{extra}]>"

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock:
    """A mutual-exclusion lock for tasks (async with lock: ...)."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = "locked" if self._locked else "unlocked"
        if self._waiters:
            extra = f"{extra}, waiters:{len(self._waiters)}"
        return f"<asyncio.locks.Lock object [{extra}]>"

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError("Lock is not acquired.")

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Semaphore:
    """A counter of free slots; acquire() waits while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Queue:
    """A FIFO queue for tasks: put() waits while it is full, get() while
    it is empty."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = collections.deque()
        self._putters = collections.deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._queue = collections.deque()

    def __repr__(self):
        return f"<Queue maxsize={self._maxsize!r} _queue={list(self._queue)!r} tasks={self._unfinished_tasks}>"

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._queue.popleft()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()
