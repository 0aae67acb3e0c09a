package ui

import (
	"context"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"singlecam/core/engine"
	"singlecam/core/paths"
	"singlecam/core/secrets"
)

// keySource says how the session got its key, for the UI to tell the user.
type keySource int

const (
	keyDemo keySource = iota
	keyEnvironment
	keyKeyring
	keySessionOnly
)

// session is one run of the engine, with a key or in demo mode.
type session struct {
	eng    *engine.Engine
	demo   *engine.Demo
	source keySource
	cancel context.CancelFunc
	temp   string // the demo's throw-away data folder
}

func (s *session) close() {
	s.cancel()
	s.eng.Stop()
	if s.demo != nil {
		s.demo.Close()
	}
	if s.temp != "" {
		os.RemoveAll(s.temp)
	}
}

// newSession starts an engine. Its events, and the journal's records once
// it has resumed them, arrive on the UI goroutine.
func newSession(a fyne.App, key, endpoint, dataDir, downloadDir string, source keySource, m *MainScreen) (*session, error) {
	eng, err := engine.New(engine.Config{
		Key: key, Endpoint: endpoint, DataDir: dataDir, DownloadDir: downloadDir,
		AutoDownload: a.Preferences().BoolWithFallback(prefAutoDownload, true),
	}, func(ev engine.Event) { m.ui.onMain(func() { m.onEvent(ev) }) })
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{eng: eng, source: source, cancel: cancel}
	go func() {
		records, err := eng.Start(ctx, true)
		m.ui.onMain(func() { m.started(s, records, err) })
	}()
	return s, nil
}

func (u *UI) startWithKey(key string, source secrets.Source) {
	src := keyKeyring
	if source == secrets.FromEnvironment {
		src = keyEnvironment
	}
	u.openSession(key, "", src)
}

// openSession starts the engine for a checked or saved key and shows the
// main screen.
func (u *UI) openSession(key, endpoint string, source keySource) {
	dataDir, err := u.dataDir()
	if err != nil {
		u.showWelcome(err)
		return
	}
	if endpoint == "" {
		endpoint = u.app.Preferences().String(prefEndpoint)
	}
	main := u.mainScreen()
	s, err := newSession(u.app, key, endpoint, dataDir, downloadDir(u.app), source, main)
	if err != nil {
		u.showWelcome(err)
		return
	}
	u.setSession(s)
}

func (u *UI) startDemo() {
	demo, err := engine.StartDemo()
	temp, tempErr := os.MkdirTemp("", "singlecam-demo-")
	u.onMain(func() {
		if err == nil {
			err = tempErr
		}
		if err != nil {
			u.showWelcome(err)
			return
		}
		main := u.mainScreen()
		s, err := newSession(u.app, demo.Key, demo.Endpoint, temp, filepath.Join(downloadDir(u.app), "Demo"), keyDemo, main)
		if err != nil {
			demo.Close()
			u.showWelcome(err)
			return
		}
		s.demo, s.temp = demo, temp
		u.setSession(s)
	})
}

func (u *UI) setSession(s *session) {
	if u.session != nil {
		u.session.close()
	}
	u.session = s
	u.main.attach(s)
	title := "Singlecam"
	if s.source == keyDemo {
		title = "Singlecam — Demo"
	}
	u.win.SetTitle(title)
	u.win.SetContent(u.main.content)
	if len(u.opts.Files) > 0 {
		u.main.NewTake.Drop(u.opts.Files)
		u.opts.Files = nil
	}
}

// downloadDir is the folder chosen in Settings, else the default.
func downloadDir(a fyne.App) string {
	return a.Preferences().StringWithFallback(prefDownloadDir, paths.DefaultDownloadDir())
}

// Preference keys (never the API key: that lives only in the keyring).
const (
	prefDownloadDir   = "downloadDir"
	prefLastFolder    = "lastFolder"
	prefAutoDownload  = "autoDownload"
	prefNotifications = "notifications"
	prefEndpoint      = "endpoint" // for testing against 'singlecam simulate'
)
