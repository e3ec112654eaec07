fn main() { println!("spillover"); }
