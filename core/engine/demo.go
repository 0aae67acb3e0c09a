package engine

import (
	"context"
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
func StartDemo() (*Demo, error) {
	sim, err := ugcsim.New(ugcsim.Config{})
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

// Close stops the simulator.
func (d *Demo) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	err := d.srv.Shutdown(ctx)
	d.sim.Close()
	return err
}
