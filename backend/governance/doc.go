// Package governance checks what runs in the account against AG's
// project rules: instance-type limits per function (training, endpoints,
// notebooks), users with a role, resources with a project. It also works
// out project membership and usage for the Projects pane.
//
// Everything is pure: the polling layer hands in what it listed and gets
// findings, members and usage back, in a deterministic order.
package governance
