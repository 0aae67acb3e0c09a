package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/watch"
	"singlecam/ui/jobs"
	"singlecam/ui/kit"
	"singlecam/ui/newtake"
	"singlecam/ui/settings"
)

// MainScreen is the working screen: the new-take panel and this session's
// activity.
type MainScreen struct {
	content  fyne.CanvasObject
	Banner   *fyne.Container
	Account  *widget.Label
	Settings *widget.Button
	// SettingsDialog is what Settings opens.
	SettingsDialog *settings.Dialog
	Status         *widget.Label
	// PayAgain asks before a video done recently is paid for again, while
	// it is open.
	PayAgain *kit.Question
	NewTake  *newtake.Panel
	Jobs     *jobs.View
	account  string // the key's owner, for About
	said     int    // counts messages, so an old one's timer leaves a new one be
	notifier *notifier

	ui *UI
}

func (u *UI) mainScreen() *MainScreen {
	if u.main != nil {
		return u.main
	}
	m := &MainScreen{ui: u, Account: widget.NewLabel(""), Status: widget.NewLabel("")}
	// A message wraps onto a second line rather than losing its end, where
	// the advice is (a cut "…it may be damaged or n…" told nothing).
	m.Status.Wrapping = fyne.TextWrapWord
	m.Settings = &widget.Button{Text: "Settings", Icon: theme.SettingsIcon(), OnTapped: m.onSettings}
	m.NewTake = newtake.New(u.opts.Picker, u.app.Preferences(), u.win, m.submit, func(f func()) { u.onMain(f) })
	m.Jobs = jobs.New(jobs.Host{App: u.app, Win: u.win,
		OnMain: func(f func()) { u.onMain(f) }, Say: m.say,
		Engine: func() *engine.Engine {
			if u.session == nil {
				return nil
			}
			return u.session.eng
		},
		Demo:             func() bool { return u.session != nil && u.session.demo != nil },
		OpenPath:         u.openPath,
		OpenMotion:       u.openJobMotion,
		ApplyToCharacter: u.applyToCharacter,
		ExportMotion:     func(paths []string, base string) { u.exportMotion(paths, base, u.win) },
		Renamed: func(disk outputs.Renamed, from, to string) {
			u.following.renamed(jobRenamed{disk: disk, from: from, to: to})
		},
	})
	m.SettingsDialog = settings.New(settings.Host{App: u.app, Win: u.win,
		OnMain: func(f func()) { u.onMain(f) }, Say: m.say, Picker: u.opts.Picker, Version: u.opts.Version,
		Session: func() (*engine.Engine, kit.KeySource) {
			if u.session == nil {
				return nil, 0
			}
			return u.session.eng, u.session.source
		},
		Account:     func() string { return m.account },
		ShowWelcome: func() { u.showWelcome(nil) },
		ResetDemo:   u.resetDemo,
		ForgetKey:   func() error { return u.forgetKey() },
	})
	bannerText := canvas.NewText("Demo — everything runs against Singlecam's built-in Move simulator. No key, no cost, nothing leaves this computer.", theme.Color(theme.ColorNameForegroundOnPrimary))
	bannerText.TextStyle.Bold = true
	m.Banner = container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)), container.NewPadded(bannerText))
	m.Banner.Hide()

	heading := widget.NewLabelWithStyle("New take", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	jobs := widget.NewLabelWithStyle("Jobs", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	jobs.SizeName = theme.SizeNameSubHeadingText
	left := container.NewBorder(heading, nil, nil, nil, m.NewTake.Content())
	right := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, jobs, nil, m.Jobs.Month), m.Jobs.MonthNote), nil, nil, nil, m.Jobs.Content())
	split := container.NewHSplit(left, right)
	split.Offset = 0.55
	header := container.NewBorder(nil, nil, nil, m.Settings, m.Account)
	// In reading order, so Tab reaches Settings (top right) first, not last.
	m.content = kit.NewBorder(container.NewVBox(m.Banner, container.NewPadded(header), widget.NewSeparator()),
		container.NewPadded(m.Status), nil, nil, split)
	u.main = m
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		var paths []string
		for _, uri := range uris {
			paths = append(paths, uri.Path())
		}
		u.dropped(paths)
	})
	return m
}

// onSettings opens Settings.
func (m *MainScreen) onSettings() { m.SettingsDialog.Show() }

// attach shows a new session: its key's owner and, in demo mode, the banner.
func (m *MainScreen) attach(s *session) {
	m.Jobs.Reset()
	m.Banner.Hidden = s.source != kit.KeyDemo
	m.Banner.Refresh()
	m.NewTake.SetDemo(s.source == kit.KeyDemo)
	m.Account.SetText("Checking the account…")
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		account, err := s.eng.Account(ctx)
		m.ui.onMain(func() {
			if m.ui.session != s {
				return
			}
			if err == nil {
				m.account = account.Name
			}
			switch {
			case err != nil:
				m.Account.SetText(engine.Explain(err))
			case s.source == kit.KeyDemo:
				m.Account.SetText("Demo account: " + account.Name)
			case s.source == kit.KeyEnvironment:
				m.Account.SetText(account.Name + " (key from MOVE_API_KEY)")
			case s.source == kit.KeySessionOnly:
				m.Account.SetText(account.Name + " (key kept for this session only)")
			default:
				m.Account.SetText(account.Name)
			}
		})
	}()
}

// statusLife is how long a message stays at the bottom of the window: long
// enough to read, gone before it is out of date.
const statusLife = 12 * time.Second

// say shows a short message at the bottom of the window; it goes after a
// while, unless another has replaced it.
func (m *MainScreen) say(msg string) {
	m.said++
	m.Status.SetText(msg)
	if msg == "" {
		return
	}
	gen := m.said
	m.ui.after(statusLife, func() {
		if m.said == gen {
			m.Status.SetText("")
		}
	})
}

// submit queues requests in the engine; it returns at once, and the new
// submissions appear in the activity list.
func (m *MainScreen) submit(reqs []submit.Request) {
	s := m.ui.session
	if s == nil {
		return
	}
	go func() {
		queued, failed, refused := 0, "", 0
		var records []*submit.Record
		type repeat struct {
			req  submit.Request
			done *submit.DoneError
		}
		var repeats []repeat
		for _, r := range reqs {
			rec, _, err := s.eng.Submit(r)
			var done *submit.DoneError
			switch {
			case errors.As(err, &done):
				repeats = append(repeats, repeat{r, done})
				continue
			case err != nil:
				// Each refusal counts; the first one's words say why (they
				// are most often the same for a batch).
				if refused++; failed == "" {
					failed = engine.Explain(err)
				}
				continue
			}
			records = append(records, jobs.Unchanging(rec))
			queued++
		}
		m.ui.onMain(func() {
			m.Jobs.NoteEstimates(records)
			for _, r := range repeats {
				m.askPayAgain(r.req, r.done)
			}
			msg := ""
			switch queued {
			case 0:
			case 1:
				msg = "One take queued: it uploads now and appears under Jobs."
			default:
				msg = fmt.Sprintf("%d takes queued: they upload in turn and appear under Jobs.", queued)
			}
			switch {
			case refused == 1:
				msg += " " + failed
			case refused > 1:
				msg += fmt.Sprintf(" %d takes were not queued: %s", refused, failed)
			}
			m.say(msg)
		})
	}()
}

func (m *MainScreen) onEvent(ev engine.Event) {
	m.Jobs.Apply(ev)
	m.notify(ev)
}

// started shows the journal once the engine has resumed it, with what the
// disk holds and what the user removed from the list.
func (m *MainScreen) started(s *session, st startState) {
	if m.ui.session != s {
		return
	}
	if st.err != nil {
		m.say(engine.Explain(st.err))
	} else if msg := carriedOn(st.records, m.ui.app.Preferences().BoolWithFallback(kit.PrefAutoDownload, true)); msg != "" {
		m.say(msg) // after a crash or a quit: nothing was lost
	}
	m.Jobs.SetJournal(st.journal)
	m.Jobs.Start(st.records, st.onDisk, st.removed)
}

// notify sends a desktop notification when a job is done, either way.
func (m *MainScreen) notify(ev engine.Event) {
	if !m.ui.app.Preferences().BoolWithFallback(kit.PrefNotifications, true) {
		return
	}
	name := func(jobID string) string {
		if i := m.Jobs.Model().Index(jobID); i >= 0 && m.Jobs.Model().At(i).Name != "" {
			return m.Jobs.Model().At(i).Name
		}
		return "A job"
	}
	var n *fyne.Notification
	switch ev := ev.(type) {
	case engine.SavedJob:
		if ev.Err != nil {
			return
		}
		n = fyne.NewNotification(name(ev.JobID)+" is ready",
			joblist.Files(len(ev.Files))+" saved in "+ev.Folder)
	case engine.JobUpdate:
		if ev.Kind != watch.Failed {
			return
		}
		n = fyne.NewNotification(name(ev.Job.ID)+" failed",
			"Move could not process this video. Open Singlecam for what to do.")
	default:
		return
	}
	if m.notifier == nil {
		m.notifier = newNotifier(m.ui.app, m.ui.notificationsAvailable)
	}
	if !m.notifier.send(n) {
		// No notification service: the status line, quietly, in words for
		// someone already in the window.
		m.say(n.Title + ": " + strings.Replace(n.Content, "Open Singlecam for what to do.", "Select it under Jobs for what to do.", 1))
	}
}
