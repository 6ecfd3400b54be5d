package backend

import (
	"context"
	"log/slog"
	"strconv"
	"sync"

	"github.com/agdash/agdash/backend/domain"
)

// loggedService writes what a Service does to a structured log: feed
// errors as they start and end, subscriptions, identity reloads and user
// actions with their outcome. Only names, kinds and AWS's error sentences
// are logged, never request bodies or credentials.
type loggedService struct {
	Service
	log     *slog.Logger
	updates chan Update
	done    chan struct{}
	once    sync.Once
	wg      sync.WaitGroup
}

// Logged wraps svc so that it logs to log; closing the result closes svc.
func Logged(svc Service, log *slog.Logger) Service {
	l := &loggedService{Service: svc, log: log, updates: make(chan Update), done: make(chan struct{})}
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		l.forward()
	}()
	return l
}

// forward passes updates on, logging each feed's error when it appears,
// changes or clears.
func (l *loggedService) forward() {
	defer close(l.updates)
	failing := map[FeedKey]string{}
	for u := range l.Service.Updates() {
		switch s := u.State; {
		case s.Err != "" && failing[u.Key] != s.Err:
			failing[u.Key] = s.Err
			l.log.Warn("feed error", "feed", u.Key.String(), "error", s.Err, "expired", s.Expired, "access_denied", s.AccessDenied)
		case s.Err == "" && failing[u.Key] != "" && u.Data != nil:
			delete(failing, u.Key)
			l.log.Info("feed recovered", "feed", u.Key.String())
		}
		select {
		case l.updates <- u:
		case <-l.done:
			return
		}
	}
}

func (l *loggedService) Updates() <-chan Update { return l.updates }

func (l *loggedService) Subscribe(key FeedKey) func() {
	l.log.Debug("subscribe", "feed", key.String())
	unsub := l.Service.Subscribe(key)
	return func() {
		l.log.Debug("unsubscribe", "feed", key.String())
		unsub()
	}
}

func (l *loggedService) ReloadIdentity(ctx context.Context) (id domain.Identity, err error) {
	id, err = l.Service.ReloadIdentity(ctx)
	if err != nil {
		l.log.Warn("identity reload failed", "error", err.Error())
		return id, err
	}
	l.log.Info("identity", "account", id.Account, "principal", id.Principal, "role", string(id.Role), "region", id.Region)
	return id, nil
}

func (l *loggedService) Do(ctx context.Context, req ActionRequest) (ActionResult, error) {
	l.log.Info("action", "action", string(req.Action()), "target", req.Target())
	res, err := l.Service.Do(ctx, req)
	if err != nil {
		attrs := []any{"action", string(req.Action()), "target", req.Target(), "error", err.Error()}
		if res.Outcome == OutcomeUnknown { // no answer: it may have taken effect
			attrs = append(attrs, "outcome", outcomeName(res.Outcome))
		}
		l.log.Warn("action failed", attrs...)
		return res, err
	}
	l.log.Info("action done", "action", string(req.Action()), "target", req.Target(), "outcome", outcomeName(res.Outcome), "id", res.ID)
	return res, nil
}

// outcomeName is an outcome as the log names it, so a reader of the log
// need not know the constants' order.
func outcomeName(o ActionOutcome) string {
	switch o {
	case OutcomeDone:
		return "done"
	case OutcomeUnknown:
		return "unknown"
	}
	return "outcome " + strconv.Itoa(int(o))
}

// Close stops forwarding and closes the wrapped service.
func (l *loggedService) Close() {
	l.once.Do(func() {
		close(l.done)
		l.Service.Close()
		l.wg.Wait()
	})
}
