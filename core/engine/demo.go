package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"singlecam/core/ugcsim"
)

// Demo is the built-in simulator the app runs against in demo mode, so a
// new user can try everything without a key.
type Demo struct {
	Endpoint string
	Key      string
	sim      *ugcsim.Simulator
	srv      *ugcsim.Server
}

// StartDemo starts the simulator on a loopback port. Its state lives in
// memory and a temporary folder, so a demo starts afresh every time (use a
// temporary data folder for the engine too). Jobs take about half a minute.
func StartDemo() (*Demo, error) { return startDemo(ugcsim.Config{}) }

// Close stops the simulator.
func (d *Demo) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	err := d.srv.Shutdown(ctx)
	d.sim.Close()
	return err
}

// DemoDir is the demo's own folder inside the data folder: the simulated
// account and the demo's journal, kept between runs.
func DemoDir(dataDir string) string { return filepath.Join(dataDir, "demo") }

// StartKeptDemo starts the simulator with its account kept in dir between
// runs (jobs a user made in the demo are still there next time). Give the
// engine DemoDir's "app" folder as its data folder, so the demo's journal
// stays apart from the real account's.
func StartKeptDemo(dir string) (*Demo, error) {
	return startDemo(ugcsim.Config{DataDir: filepath.Join(dir, "account"), Keep: true})
}

// startDemo runs a simulator made with cfg on a free loopback port.
func startDemo(cfg ugcsim.Config) (*Demo, error) {
	sim, err := ugcsim.New(cfg)
	if err != nil {
		return nil, err
	}
	srv, err := sim.Listen("127.0.0.1:0")
	if err != nil {
		sim.Close()
		return nil, err
	}
	return &Demo{Endpoint: srv.Endpoint, Key: sim.Key(), sim: sim, srv: srv}, nil
}

// ResetDemo forgets the demo's account and journal (the files it saved in
// the download folder stay): the next demo starts empty. Call it with no
// demo running.
func ResetDemo(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("reset the demo: %w", err)
	}
	return nil
}

// DemoStandIn reports whether the demo's file for an output type is a
// stand-in (the simulator cannot make FBX, USD, Blender or C3D files: it
// writes a short text that says so), for the jobs list to say beside it.
func DemoStandIn(outputType string) bool { return ugcsim.StandIn(outputType) }
