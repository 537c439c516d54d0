use flow_connectors::azure_data_explorer::ServicePrincipalBasedAuthentication;

fn main() {
    // Secrets are set from strings, and the builder only offers the spec's params.
    let _ = ServicePrincipalBasedAuthentication::builder().service_principal_secret("x");
}
