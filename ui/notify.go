package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// notifier sends desktop notifications where the desktop has a service for
// them; where it has none, send says so and the caller uses the status line
// instead (Fyne would only print an error to the terminal).
type notifier struct {
	app       fyne.App
	available func() bool // asked once whether notifications can be shown
	once      sync.Once
	ok        bool
}

func newNotifier(a fyne.App, available func() bool) *notifier {
	return &notifier{app: a, available: available}
}

// send shows n as a notification and reports whether it could.
func (n *notifier) send(note *fyne.Notification) bool {
	n.once.Do(func() { n.ok = n.available() })
	if !n.ok {
		return false
	}
	n.app.SendNotification(note)
	return true
}
