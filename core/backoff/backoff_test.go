package backoff

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDelayStaysUnderItsDoublingCeilingAndTheCap(t *testing.T) {
	p := Policy{Attempts: 10, BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}
	for attempt, ceiling := range map[int]time.Duration{
		1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond,
		4: 800 * time.Millisecond, 5: time.Second, 40: time.Second,
	} {
		for range 200 {
			if d := p.Delay(attempt); d < 0 || d > ceiling {
				t.Fatalf("attempt %d waited %v, ceiling %v", attempt, d, ceiling)
			}
		}
	}
}

func TestDelayIsJittered(t *testing.T) {
	p := Policy{BaseDelay: time.Second, MaxDelay: time.Second}
	seen := map[time.Duration]bool{}
	for range 50 {
		seen[p.Delay(1)] = true
	}
	if len(seen) < 10 {
		t.Errorf("only %d distinct waits in 50: not jittered", len(seen))
	}
}

func TestSleepEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := Sleep(ctx, time.Hour); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Errorf("Sleep returned %v after %v", err, time.Since(start))
	}
}
