use flow_connectors::dynamics_online::BasicAuthenticationForDynamicsOnline;

fn main() {
    let _ = BasicAuthenticationForDynamicsOnline::builder()
        .service_uri("https://myorg.crm.dynamics.com")
        .username("user")
        .build();
}
