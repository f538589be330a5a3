//! One binary, two front ends: compiled natively it is the command-line checker, compiled to
//! wasm32 by Trunk it is the web page.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {
    budget_check::app::start();
}
