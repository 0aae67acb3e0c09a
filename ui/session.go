package ui

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"

	"singlecam/core/engine"
	"singlecam/core/outputs"
	"singlecam/core/secrets"
	"singlecam/core/submit"
	"singlecam/ui/kit"
	"singlecam/ui/welcome"
)

// session is one run of the engine, with a key or in demo mode.
type session struct {
	eng    *engine.Engine
	demo   *engine.Demo
	source kit.KeySource
	cancel context.CancelFunc
	stop   func() // stands in for the engine's Stop in tests
}

// close ends the session without blocking the caller (the UI goroutine):
// the engine's Stop waits for uploads and downloads to wind down, and the
// demo's server for its connections, so they run on a goroutine of their
// own; then done, if any, runs on the UI goroutine through onMain.
func (s *session) close(onMain func(func()), done func()) {
	s.cancel()
	go func() {
		s.shutdown()
		if done != nil {
			onMain(done)
		}
	}()
}

// shutdown stops the engine, then the demo.
func (s *session) shutdown() {
	if s.stop != nil {
		s.stop()
	} else {
		s.eng.Stop()
	}
	if s.demo != nil {
		s.demo.Close()
	}
}

// startState is what the main screen needs once the engine has started.
type startState struct {
	records []*submit.Record
	journal []*submit.Record // every account's, for the month's total
	onDisk  map[string]outputs.OnDisk
	removed map[string]bool
	err     error
}

// newSession starts an engine. Its events, and the journal's records once
// it has resumed them, arrive on the UI goroutine.
func newSession(a fyne.App, key, endpoint, dataDir, downloadDir string, source kit.KeySource, m *MainScreen) (*session, error) {
	eng, err := engine.New(engine.Config{
		Key: key, Endpoint: endpoint, DataDir: dataDir, DownloadDir: downloadDir,
		AutoDownload: a.Preferences().BoolWithFallback(kit.PrefAutoDownload, true),
	}, func(ev engine.Event) { m.ui.onMain(func() { m.onEvent(ev) }) })
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{eng: eng, source: source, cancel: cancel}
	go func() {
		var st startState
		records, err := eng.Start(ctx, true)
		st.err, st.journal = err, records
		for _, r := range records {
			if eng.Mine(r) { // another key's submissions are not this list's
				st.records = append(st.records, r)
			}
		}
		onDisk, err := eng.OnDisk()
		if st.err == nil {
			st.err = err
		}
		st.onDisk, st.removed = onDisk, eng.Removed()
		m.ui.onMain(func() { m.started(s, st) })
	}()
	return s, nil
}

func (u *UI) startWithKey(key string, source secrets.Source) {
	src := kit.KeyKeyring
	if source == secrets.FromEnvironment {
		src = kit.KeyEnvironment
	}
	u.openSession(key, "", src)
}

// openSession starts the engine for a checked or saved key and shows the
// main screen.
func (u *UI) openSession(key, endpoint string, source kit.KeySource) {
	dataDir, err := u.dataDir()
	if err != nil {
		u.showWelcome(err)
		return
	}
	if endpoint == "" {
		endpoint = u.app.Preferences().String(kit.PrefEndpoint)
	}
	u.closeSession(func() {
		main := u.mainScreen()
		s, err := newSession(u.app, key, endpoint, dataDir, kit.DownloadDir(u.app), source, main)
		if err != nil {
			if source == kit.KeyEnvironment {
				err = &welcome.EnvKeyError{Err: err} // nothing was typed: say where the key came from
			}
			u.showWelcome(err)
			return
		}
		u.setSession(s)
	})
}

// startDemoServer starts the demo's simulator with its account kept in dir;
// a variable for tests.
var startDemoServer = engine.StartKeptDemo

// startDemo starts the built-in simulator with the demo's account kept in
// the data folder, so demo jobs are still there at the next start; the
// simulator is let go of again if anything after it fails. It runs on its
// own goroutine.
func (u *UI) startDemo() {
	dataDir, err := u.dataDir()
	var demo *engine.Demo
	if err == nil {
		demo, err = startDemoServer(engine.DemoDir(dataDir))
	}
	if err != nil {
		u.onMain(func() { u.showWelcome(err) })
		return
	}
	u.onMain(func() {
		u.closeSession(func() {
			main := u.mainScreen()
			s, err := newSession(u.app, demo.Key, demo.Endpoint, filepath.Join(engine.DemoDir(dataDir), "app"),
				filepath.Join(kit.DownloadDir(u.app), "Demo"), kit.KeyDemo, main)
			if err != nil {
				go demo.Close()
				u.showWelcome(err)
				return
			}
			s.demo = demo
			u.setSession(s)
		})
	})
}

// resetDemo closes the demo, forgets its account and starts it afresh.
func (u *UI) resetDemo() {
	s := u.session
	if s == nil || s.source != kit.KeyDemo {
		return
	}
	u.closeSession(func() {
		u.win.SetContent(kit.Loading(u.win, "Resetting the demo…"))
		go func() {
			dataDir, err := u.dataDir()
			if err == nil {
				err = engine.ResetDemo(engine.DemoDir(dataDir))
			}
			if err != nil {
				u.onMain(func() { u.showWelcome(err) })
				return
			}
			u.startDemo()
		}()
	})
}

// closeSession ends the session, if there is one, off the UI goroutine, and
// runs next on the UI goroutine once it has ended: a new session never
// starts beside the old one on the same journal.
func (u *UI) closeSession(next func()) {
	old := u.session
	u.session = nil
	if old == nil {
		next()
		return
	}
	u.win.SetContent(kit.Loading(u.win, "Closing…"))
	old.close(u.onMain, next)
}

func (u *UI) setSession(s *session) {
	u.session = s
	u.main.attach(s)
	title := "Singlecam"
	if s.source == kit.KeyDemo {
		title = "Singlecam — Demo"
	}
	u.win.SetTitle(title)
	u.win.SetContent(u.main.content)
	u.app.Preferences().SetBool(kit.PrefInDemo, s.source == kit.KeyDemo)
	returnStartupMemory()
	if len(u.opts.Files) > 0 {
		files := u.opts.Files
		u.opts.Files = nil
		u.dropped(files) // as a drop: a motion file opens the player
	}
}
