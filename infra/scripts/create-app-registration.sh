#!/usr/bin/env bash
# Creates (or brings up to date) the Microsoft Entra app registration that staff sign in with through
# App Service Authentication (contract §9, docs/deploy.md "Staff sign-in"). Run it twice:
#
#   1. before the first `azd provision`: creates the registration with the app roles of
#      infra/app-roles.json, its service principal (assignment required: only people given a role can
#      sign in), and sets AUTH_CLIENT_ID in the azd environment;
#   2. after `azd provision`: adds the sign-in redirect URI of the Function App (and of PUBLIC_BASE_URL
#      if set) and the federated identity credential that lets App Service Authentication prove the
#      registration's identity with the app's user-assigned managed identity, instead of a secret.
#
# Every step is idempotent; run it again after adding a force to infra/app-roles.json.
# Why a script and not the Bicep templates: the Microsoft Graph Bicep extension is fetched from a
# registry (mcr.microsoft.com) at build time, and infra/ must compile offline in tests.
#
# Needs: az (signed in to the force's tenant as someone who may create app registrations, e.g.
# Application Developer; an Application Administrator for appRoleAssignmentRequired on an existing
# service principal), jq, and azd for the environment values (or the variables below set by hand).
#
# Environment (each read from `azd env get-value` when not set):
#   AZURE_ENV_NAME                      names the registration "SA028 YPSI staff sign-in (<env>)"
#   AUTH_CLIENT_ID                      an existing registration to update instead of finding it by name
#   AUTH_TENANT_ID                      tenant of the registration (default: az's current tenant)
#   SERVICE_API_URI                     https://func-<token>.azurewebsites.net (azd output after provision)
#   SERVICE_API_IDENTITY_PRINCIPAL_ID   object id of the app's user-assigned identity (azd output)
#   PUBLIC_BASE_URL                     a custom domain, if the force uses one
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
roles_file="${here}/../app-roles.json"
credential_name="app-service-authentication"

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 0
fi

for tool in az jq; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done

# A value from the shell, else from the azd environment, else empty (a key azd does not have makes it
# exit non-zero; whatever it printed then is not a value).
env_value() {
  local name="$1" value
  if [[ -n "${!name:-}" ]]; then
    printf '%s' "${!name}"
  elif command -v azd >/dev/null && value="$(azd env get-value "$name" 2>/dev/null)"; then
    printf '%s' "$value"
  fi
}

env_name="$(env_value AZURE_ENV_NAME)"
[[ -n "$env_name" ]] || { echo "error: AZURE_ENV_NAME is not set (run inside an azd environment or export it)" >&2; exit 1; }
display_name="SA028 YPSI staff sign-in (${env_name})"
tenant_id="$(env_value AUTH_TENANT_ID)"
[[ -n "$tenant_id" ]] || tenant_id="$(az account show --query tenantId -o tsv)"
client_id="$(env_value AUTH_CLIENT_ID)"
api_uri="$(env_value SERVICE_API_URI)"
identity_principal_id="$(env_value SERVICE_API_IDENTITY_PRINCIPAL_ID)"
public_base_url="$(env_value PUBLIC_BASE_URL)"

if [[ -z "$client_id" ]]; then
  client_id="$(az ad app list --display-name "$display_name" --query '[0].appId' -o tsv)"
fi

if [[ -z "$client_id" ]]; then
  echo "Creating app registration '${display_name}' (single tenant)"
  # No implicit grant: App Service Authentication redeems an authorisation code, signing the request
  # with the managed identity (step 2), so neither ID nor access tokens are issued to the browser.
  client_id="$(az ad app create \
    --display-name "$display_name" \
    --sign-in-audience AzureADMyOrg \
    --enable-id-token-issuance false \
    --enable-access-token-issuance false \
    --app-roles "@${roles_file}" \
    --query appId -o tsv)"
else
  echo "Updating app registration ${client_id}: app roles from infra/app-roles.json"
  # Graph refuses to remove an enabled role: to retire one, set "isEnabled": false, run this, then delete it.
  az ad app update --id "$client_id" --app-roles "@${roles_file}"
fi

# Only people (or groups) assigned a role may sign in at all.
if ! az ad sp show --id "$client_id" --query id -o tsv >/dev/null 2>&1; then
  az ad sp create --id "$client_id" --query id -o tsv >/dev/null
fi
az ad sp update --id "$client_id" --set appRoleAssignmentRequired=true

if [[ -n "$api_uri" ]]; then
  redirect_uris=("${api_uri%/}/.auth/login/aad/callback")
  if [[ -n "$public_base_url" ]]; then
    redirect_uris+=("${public_base_url%/}/.auth/login/aad/callback")
  fi
  echo "Redirect URIs: ${redirect_uris[*]}"
  az ad app update --id "$client_id" --web-redirect-uris "${redirect_uris[@]}"
else
  echo "SERVICE_API_URI not known yet: run this again after 'azd provision' to add the redirect URI."
fi

if [[ -n "$identity_principal_id" ]]; then
  existing="$(az ad app federated-credential list --id "$client_id" --query "[?name=='${credential_name}'].subject | [0]" -o tsv)"
  if [[ "$existing" != "$identity_principal_id" ]]; then
    if [[ -n "$existing" ]]; then
      az ad app federated-credential delete --id "$client_id" --federated-credential-id "$credential_name"
    fi
    login_host="$(az cloud show --query endpoints.activeDirectory -o tsv)"
    credential="$(jq -n \
      --arg name "$credential_name" \
      --arg issuer "${login_host%/}/${tenant_id}/v2.0" \
      --arg subject "$identity_principal_id" \
      '{name: $name, issuer: $issuer, subject: $subject, audiences: ["api://AzureADTokenExchange"],
        description: "App Service Authentication of the SA028 Function App signs in as this registration with its user-assigned identity (no client secret)."}')"
    echo "Federated identity credential for managed identity ${identity_principal_id}"
    az ad app federated-credential create --id "$client_id" --parameters "$credential" >/dev/null
  fi
else
  echo "SERVICE_API_IDENTITY_PRINCIPAL_ID not known yet: run this again after 'azd provision' to add the federated credential."
fi

if command -v azd >/dev/null && [[ "$(AUTH_CLIENT_ID='' env_value AUTH_CLIENT_ID)" != "$client_id" ]]; then
  azd env set AUTH_CLIENT_ID "$client_id"
  echo "Set AUTH_CLIENT_ID=${client_id} in the azd environment: run 'azd provision' to switch sign-in on."
else
  echo "AUTH_CLIENT_ID=${client_id}"
fi
echo "Next: assign roles to people or groups (Entra admin center > Enterprise applications > '${display_name}' > Users and groups)."
